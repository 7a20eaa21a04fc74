package io.hashop.system.isolation;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.system.support.Figures;
import io.hashop.system.support.SystemUnderTest;
import io.hashop.system.support.ThreadDumps;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input through the real gateways, and straight at the internal services with a
 * valid internal token: never a 5xx (or INTERNAL/UNKNOWN over gRPC), every 4xx a problem,
 * no stack trace anywhere, and a platform that still serves a normal shopper afterwards.
 */
class HostileInputIntegrationTests {

	/** The minimum the issue asks for; raising it only adds time. */
	static final int REQUESTS = 20_000;

	/** Fixed, so a failure names requests that can be sent again. */
	static final long SEED = Long.getLong("hashop.hostile.seed", 9_2025L);

	static final int THREADS = 8;

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	static SystemUnderTest system;

	@BeforeAll
	static void platform() {
		system = SystemUnderTest.shared();
	}

	@Test
	void answersEveryHostilePublicRequestWithA4xxProblemAndNoStackTrace() throws Exception {
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sessions.add(Session.of("user-" + (char) ('a' + i), signUp(system.gatewayUrl(1 + i % 2))));
		}
		Session admin = Session.of("admin", signIn(system.gatewayUrl(1), system.adminEmail(), system.adminPassword()));
		HostileRequests generator = new HostileRequests(SEED, sessions, admin);
		int[] ports = { port(system.gatewayUrl(1)), port(system.gatewayUrl(2)) };
		Tally tally = new Tally();
		AtomicInteger sent = new AtomicInteger();
		long started = System.nanoTime();

		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			workers.add(pool.submit(() -> send(generator, ports, sent, tally)));
		}
		for (Future<?> worker : workers) {
			worker.get(10, TimeUnit.MINUTES);
		}
		pool.shutdown();
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("seed", SEED);
		figures.put("requests", tally.total());
		figures.put("seconds", seconds);
		figures.put("threads", THREADS);
		figures.put("violations", tally.violationCount());
		figures.put("retried after a timeout", tally.retriesAfterTimeout());
		figures.putAll(tally.byRouteAndStatus());
		Figures.print("HostileInputIntegrationTests.public", figures);
		Figures.print("HostileInputIntegrationTests.public-broken", tally.brokenRules());
		// First: a process that stopped answering explains the broken rules it causes.
		assertEveryProcessReady();
		assertThat(tally.total()).isEqualTo(REQUESTS);
		assertThat(tally.violations()).as("%d broken rules, first ones listed", tally.violationCount()).isEmpty();
		assertAShopperIsServed();
	}

	private static void send(HostileRequests generator, int[] ports, AtomicInteger sent, Tally tally) {
		RawHttp[] connections = { new RawHttp(ports[0], REQUEST_TIMEOUT), new RawHttp(ports[1], REQUEST_TIMEOUT) };
		try {
			int index;
			while ((index = sent.getAndIncrement()) < REQUESTS) {
				HostileRequest request;
				synchronized (generator) {
					request = generator.next();
				}
				int gateway = index % 2;
				try {
					tally.answered(request, exchange(connections[gateway], request, ports[gateway], tally));
				}
				catch (IOException | RuntimeException ex) {
					tally.unanswered(request, ex);
					// A late answer must not be read as the next request's.
					connections[gateway].close();
				}
			}
		}
		finally {
			connections[0].close();
			connections[1].close();
		}
	}

	/**
	 * One request; a read timeout is tried once more on a new connection, because on two
	 * saturated cores a 10 s stall is load, not a hang (a hang times out twice). The
	 * retries are counted and printed.
	 */
	private static RawHttp.Answer exchange(RawHttp connection, HostileRequest request, int port, Tally tally)
			throws IOException {
		try {
			return connection.exchange(request.toBytes(port), request.head());
		}
		catch (SocketTimeoutException ex) {
			tally.retriedAfterTimeout();
			connection.close();
			return connection.exchange(request.toBytes(port), request.head());
		}
	}

	@Test
	void answersMalformedOrderServiceCallsPrecisely() {
		InternalFuzz.Result result = InternalFuzz.orderService(system, SEED);
		Figures.print("HostileInputIntegrationTests.order-service", result.figures());
		assertThat(result.violations()).isEmpty();
	}

	@Test
	void answersMalformedUserServiceCallsPrecisely() {
		InternalFuzz.Result result = InternalFuzz.userService(system, SEED);
		Figures.print("HostileInputIntegrationTests.user-service", result.figures());
		assertThat(result.violations()).isEmpty();
	}

	@Test
	void answersBadPaymentQueriesWith4xx() {
		InternalFuzz.Result result = PaymentFuzz.run(system, SEED);
		Figures.print("HostileInputIntegrationTests.payment-service", result.figures());
		assertThat(result.violations()).isEmpty();
	}

	/**
	 * Every process ready. One that is not gets a thread dump beside the platform logs: a
	 * hung JVM logs nothing, so only its threads show why.
	 */
	private static void assertEveryProcessReady() {
		for (ServiceHandle process : system.platform().processes()) {
			ApiClient probe = new ApiClient("http://localhost:" + process.serverPort());
			try {
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(250))
					.untilAsserted(() -> assertThat(probe.get("/readyz").status()).as(process.name()).isEqualTo(200));
			}
			catch (ConditionTimeoutException ex) {
				throw new AssertionError(
						process.name() + " is not ready after the hostile run; " + ThreadDumps.write(process), ex);
			}
		}
	}

	/** A normal shopper still signs up, signs in and orders through each gateway. */
	private static void assertAShopperIsServed() {
		for (int gateway = 1; gateway <= 2; gateway++) {
			ApiClient shopper = signUp(system.gatewayUrl(gateway));
			assertThat(shopper.get("/api/me").status()).isEqualTo(200);
			assertThat(shopper
				.send("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
						Map.of("Idempotency-Key", "after-hostile-" + gateway))
				.status()).isEqualTo(201);
		}
	}

	static ApiClient signUp(String gatewayUrl) {
		String email = "hostile-" + UUID.randomUUID() + "@example.com";
		ApiClient client = new ApiClient(gatewayUrl);
		assertThat(
				client
					.post("/api/auth/register",
							"{\"email\":\"" + email
									+ "\",\"password\":\"correct-horse-1\",\"displayName\":\"Hostile\"}")
					.status())
			.isEqualTo(201);
		return signIn(gatewayUrl, email, "correct-horse-1", client);
	}

	static ApiClient signIn(String gatewayUrl, String email, String password) {
		return signIn(gatewayUrl, email, password, new ApiClient(gatewayUrl));
	}

	private static ApiClient signIn(String gatewayUrl, String email, String password, ApiClient client) {
		assertThat(client.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
			.status()).as("sign-in at " + gatewayUrl).isEqualTo(200);
		return client;
	}

	private static int port(String url) {
		return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
	}

}
