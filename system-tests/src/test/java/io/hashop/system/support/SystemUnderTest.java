package io.hashop.system.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.launcher.LocalPlatform;
import io.hashop.launcher.LocalPlatformBuilder;
import io.hashop.launcher.infrastructure.LocalMailServer;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.platform.identity.InternalIdentityProperties;
import io.hashop.platform.identity.InternalTokenIssuer;
import org.awaitility.Awaitility;

/**
 * The platform every system test shares: two gateways in front of two BFFs (and a third
 * with bff-web as its stable and bff-web-2 as its canary pool), user-, order- and two
 * payment-service instances, all real processes on a real PostgreSQL, Redis, Kafka broker
 * process and SMTP server. Started on first use, stopped when the test JVM exits.
 */
public final class SystemUnderTest {

	static final String[] SERVICES = { "user-service", "order-service", "payment-service", "bff-web", "gateway" };

	/**
	 * Where the second BFF listens: the first one's port shifted by 100 (see the
	 * launcher's table).
	 */
	static final String BFF_URLS = "http://localhost:8081,http://localhost:8181";

	/** Every process of the shared platform, replicas included. */
	static final String[] PROCESSES = { "user-service", "order-service", "payment-service", "payment-service-2",
			"bff-web", "bff-web-2", "gateway", "gateway-2", "gateway-3" };

	private static SystemUnderTest shared;

	private static TraceCollector traces;

	private final LocalPlatform platform;

	private final InternalTokenIssuer tokens;

	private final OrderClient orders;

	private final UserClient users;

	private final PaymentClient payments;

	private final KafkaProbe kafka;

	private SystemUnderTest(LocalPlatform platform) {
		this.platform = platform;
		this.tokens = new InternalTokenIssuer(new InternalIdentityProperties(true, platform.internalTokenSecret(),
				"system-tests", "hashop-internal", Duration.ofMinutes(5), Duration.ofSeconds(5), true),
				Clock.systemUTC());
		this.orders = new OrderClient(platform.process("order-service").grpcPort().getAsInt(), this.tokens);
		this.users = new UserClient(platform.process("user-service").grpcPort().getAsInt(), this.tokens);
		this.payments = new PaymentClient(platform.process("payment-service").serverPort(), this.tokens);
		this.kafka = new KafkaProbe(platform.kafkaBootstrapServers());
	}

	/** The shared platform, started on first use. */
	public static synchronized SystemUnderTest shared() {
		if (shared == null) {
			traces = TraceCollector.start();
			LocalPlatformBuilder builder = LocalPlatform.builder(repositoryRoot());
			for (String process : PROCESSES) {
				// Every span of every process, exported to this JVM.
				builder.environment(process, "TRACING_OTLP_ENDPOINT", traces.endpoint())
					.environment(process, "TRACING_SAMPLING_PROBABILITY", "1.0");
			}
			LocalPlatform platform = builder.services(SERVICES)
				// Two instances share orders.v1 (one consumer group) and relay one outbox
				// table.
				.replicas("payment-service", 2)
				.replicas("bff-web", 2)
				.replicas("gateway", 3)
				.environment("gateway", "BFF_URLS", BFF_URLS)
				.environment("gateway-2", "BFF_URLS", BFF_URLS)
				// The canary release's gateway: bff-web is its stable pool, bff-web-2 its
				// canary, with 20 % of new sessions (CanaryReleaseIntegrationTests).
				.environment("gateway-3", "BFF_URLS", "http://localhost:8081")
				.environment("gateway-3", "BFF_CANARY_URLS", "http://localhost:8181")
				.environment("gateway-3", "CANARY_WEIGHT", "20")
				.environment("gateway-3", "BFF_HEALTH_CHECK_INTERVAL", "1s")
				.environment("gateway-3", "BFF_RESPONSE_TIMEOUT", "2s")
				.environment("gateway-3", "RATE_LIMIT_AUTH", "100000")
				.environment("gateway-3", "RATE_LIMIT_IP", "1000000")
				.environment("gateway-3", "RATE_LIMIT_USER", "1000000")
				// The tests sign in far more often than the login limit allows one
				// address;
				// the gateway's own tests cover the limit.
				.environment("gateway", "RATE_LIMIT_AUTH", "100000")
				.environment("gateway-2", "RATE_LIMIT_AUTH", "100000")
				// The hostile-input suite sends 20,000 requests from one address and
				// a few sessions in two minutes; the gateway's own tests cover these
				// limits.
				.environment("gateway", "RATE_LIMIT_IP", "1000000")
				.environment("gateway-2", "RATE_LIMIT_IP", "1000000")
				.environment("gateway", "RATE_LIMIT_USER", "1000000")
				.environment("gateway-2", "RATE_LIMIT_USER", "1000000")
				.logs(Path.of(System.getProperty("hashop.system.logs", "target/platform-logs")))
				.start();
			shared = new SystemUnderTest(platform);
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "system-under-test-stop"));
			shared.warmUp();
		}
		return shared;
	}

	/** The spans every process of the shared platform exported. */
	public TraceCollector traces() {
		return traces;
	}

	public LocalPlatform platform() {
		return this.platform;
	}

	/**
	 * The public address of gateway instance 1 or 2, or 3: the one with a canary pool
	 * (bff-web-2).
	 */
	public String gatewayUrl(int instance) {
		String name = (instance == 1) ? "gateway" : "gateway-" + instance;
		return "http://localhost:" + this.platform.process(name).serverPort();
	}

	public String adminEmail() {
		return this.platform.adminEmail();
	}

	public String adminPassword() {
		return this.platform.adminPassword();
	}

	public OrderClient orders() {
		return this.orders;
	}

	public UserClient users() {
		return this.users;
	}

	public PaymentClient payments() {
		return this.payments;
	}

	public KafkaProbe kafka() {
		return this.kafka;
	}

	public LocalMailServer mail() {
		return this.platform.mail().orElseThrow(() -> new IllegalStateException("An external SMTP server is used"));
	}

	/** A connection factory for one service's database. */
	public Database database(String name) {
		return new Database(this.platform.postgres(), name);
	}

	/** Mints internal tokens, as the BFF does. */
	public InternalTokenIssuer tokens() {
		return this.tokens;
	}

	/**
	 * Ready is not warm: the first sign-ups after a start pay for class loading, JIT and
	 * the first Argon2 hashes. One through each gateway first keeps that out of the
	 * tests' timings.
	 */
	private void warmUp() {
		for (int gateway = 1; gateway <= 2; gateway++) {
			ApiClient client = new ApiClient(gatewayUrl(gateway));
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> client
					.post("/api/auth/register",
							"{\"email\":\"warm-up-" + UUID.randomUUID()
									+ "@example.com\",\"password\":\"correct-horse-1\",\"displayName\":\"Warm-up\"}")
					.status() == 201);
		}
		for (ServiceHandle bff : this.platform.instances("bff-web")) {
			warmUpWrites("http://localhost:" + bff.serverPort());
		}
	}

	/**
	 * The first order and the first price change after a start take order-service over a
	 * second on two busy cores, beyond the BFF's budget for a write, which is never
	 * retried: a 503 in whichever test sends them first. One of each through each BFF
	 * (each has its own channel to order-service) takes that here.
	 */
	private void warmUpWrites(String bffUrl) {
		ApiClient shopper = signedIn(bffUrl, "warm-up-" + UUID.randomUUID() + "@example.com", true);
		String key = "warm-up-" + UUID.randomUUID();
		awaitStatus(Set.of(201), () -> shopper.send("POST", "/api/orders",
				"{\"items\":[{\"productId\":1,\"quantity\":1}]}", Map.of("Idempotency-Key", key)));
		ApiClient admin = signedIn(bffUrl, adminEmail(), false);
		// A product that does not exist: no test sees a changed price.
		awaitStatus(Set.of(404), () -> admin.put("/api/admin/products/424242", "{\"priceCents\":1300}"));
	}

	private ApiClient signedIn(String baseUrl, String email, boolean register) {
		ApiClient client = new ApiClient(baseUrl);
		String password = register ? "correct-horse-1" : adminPassword();
		if (register) {
			// 409: an earlier attempt registered it, and its answer was lost.
			awaitStatus(Set.of(201, 409), () -> client.post("/api/auth/register",
					"{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Warm-up\"}"));
		}
		awaitStatus(Set.of(200), () -> client.post("/api/auth/login",
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
		return client;
	}

	private static void awaitStatus(Set<Integer> expected, Supplier<ApiClient.Response> request) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> expected.contains(request.get().status()));
	}

	private void close() {
		this.orders.close();
		this.users.close();
		this.kafka.close();
		this.platform.close();
		traces.close();
	}

	private static Path repositoryRoot() {
		return Path.of(System.getProperty("hashop.repository.root", "..")).toAbsolutePath().normalize();
	}

}
