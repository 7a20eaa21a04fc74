package io.hashop.system.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.hashop.launcher.LocalMailServer;
import io.hashop.launcher.LocalPlatform;
import io.hashop.platform.identity.InternalIdentityProperties;
import io.hashop.platform.identity.InternalTokenIssuer;

/**
 * The platform the saga tests share: user-, order- and two payment-service instances as
 * real processes on a real PostgreSQL, Kafka broker process and SMTP server. Started on
 * first use, stopped when the test JVM exits.
 */
public final class SystemUnderTest {

	/** The services the saga needs; edge tests add bff-web and gateway. */
	static final String[] SAGA_SERVICES = { "user-service", "order-service", "payment-service" };

	private static SystemUnderTest shared;

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

	/** The shared platform with the saga's services, started on first use. */
	public static synchronized SystemUnderTest saga() {
		if (shared == null) {
			LocalPlatform platform = LocalPlatform.builder(repositoryRoot())
				.services(SAGA_SERVICES)
				// Two instances share orders.v1 (one consumer group) and relay one outbox
				// table.
				.replicas("payment-service", 2)
				.logs(Path.of(System.getProperty("hashop.system.logs", "target/platform-logs")))
				.start();
			shared = new SystemUnderTest(platform);
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "system-under-test-stop"));
		}
		return shared;
	}

	public LocalPlatform platform() {
		return this.platform;
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

	private void close() {
		this.orders.close();
		this.users.close();
		this.kafka.close();
		this.platform.close();
	}

	private static Path repositoryRoot() {
		return Path.of(System.getProperty("hashop.repository.root", "..")).toAbsolutePath().normalize();
	}

}
