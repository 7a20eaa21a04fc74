package io.hashop.gateway.ratelimit;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import io.hashop.devinfra.test.TestInfrastructure;
import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.EdgeIntegrationTest;
import io.hashop.gateway.RawHttp;
import io.hashop.gateway.StubBff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RateLimitIntegrationTests extends EdgeIntegrationTest {

	private static final int AUTH_LIMIT = 3;

	private static final int ACCOUNT_LIMIT = 4;

	private static final int USER_LIMIT = 20;

	private static final int IP_LIMIT = 30;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Test
	void limitsLoginPerClientIpAtTheConfiguredCount() {
		EdgeClient client = client();

		List<Integer> statuses = post(client, "/api/auth/login", AUTH_LIMIT + 1);

		assertThat(statuses).containsExactly(200, 200, 200, 429);
		HttpResponse<String> refused = client.post("/api/auth/login", "{}");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("\"status\":429");
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(ALPHA.count("POST", "/api/auth/login") + BRAVO.count("POST", "/api/auth/login"))
			.isEqualTo(AUTH_LIMIT);
	}

	@Test
	void limitsRegisterSeparatelyFromLogin() {
		EdgeClient client = client();
		post(client, "/api/auth/login", AUTH_LIMIT + 1);

		assertThat(post(client, "/api/auth/register", AUTH_LIMIT + 1)).containsExactly(200, 200, 200, 429);
	}

	@Test
	void givesASpoofedForwardedForNoFreshBudget() {
		EdgeClient client = client();
		post(client, "/api/auth/login", AUTH_LIMIT);

		for (String spoofed : List.of("203.0.113.7", "198.51.100.1, 203.0.113.8", "garbage")) {
			HttpResponse<String> response = client.post("/api/auth/login", "{}", "X-Forwarded-For", spoofed);
			assertThat(response.statusCode()).as(spoofed).isEqualTo(429);
		}
	}

	@Test
	void limitsEachSessionSeparately() {
		EdgeClient client = client();

		List<Integer> first = get(client, USER_LIMIT + 1, "SESSION=first-session");
		List<Integer> second = get(client, 1, "SESSION=second-session");

		assertThat(first.subList(0, USER_LIMIT)).containsOnly(200);
		assertThat(first.get(USER_LIMIT)).isEqualTo(429);
		assertThat(second).containsExactly(200);
	}

	@Test
	void limitsRequestsWithoutSessionPerClientIp() {
		EdgeClient client = client();

		List<Integer> statuses = get(client, USER_LIMIT + 1, null);

		assertThat(statuses.subList(0, USER_LIMIT)).containsOnly(200);
		assertThat(statuses.get(USER_LIMIT)).isEqualTo(429);
		assertThat(get(client(), 1, null)).containsExactly(200);
	}

	@Test
	void capsAClientThatInventsSessionCookiesAtTheIpCeiling() {
		EdgeClient client = client();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i <= IP_LIMIT; i++) {
			statuses.add(client.get("/api/products", "Cookie", "SESSION=invented-" + i).statusCode());
		}

		assertThat(statuses.subList(0, IP_LIMIT)).containsOnly(200);
		assertThat(statuses.get(IP_LIMIT)).isEqualTo(429);
	}

	@Test
	void countsInRedisSoEveryGatewayInstanceSharesTheBudget() {
		awaitCountingInRedis();
		EdgeClient client = client();
		// Another gateway instance has already let this client log in AUTH_LIMIT times.
		String key = keyPrefix() + ":auth:/api/auth/login:" + client.address();
		this.redis.opsForValue().set(key, Integer.toString(AUTH_LIMIT), Duration.ofMinutes(1)).block();

		assertThat(client.post("/api/auth/login", "{}").statusCode()).isEqualTo(429);
	}

	@Test
	void chargesBothQuotasOfARequestInRedisAndSettlesTheCountsKeptInMemory() {
		awaitCountingInRedis();
		EdgeClient client = client();
		String ipKey = keyPrefix() + ":ip:" + client.address();
		String userKey = keyPrefix() + ":user-ip:" + client.address();

		client.get("/api/products");
		// The first request of a window is counted in Redis at once: that starts the
		// windows.
		assertThat(this.redis.opsForValue().get(ipKey).block()).isEqualTo("1");
		assertThat(this.redis.opsForValue().get(userKey).block()).isEqualTo("1");
		client.get("/api/products");
		client.get("/api/products");

		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(this.redis.opsForValue().get(ipKey).block()).isEqualTo("3");
			assertThat(this.redis.opsForValue().get(userKey).block()).isEqualTo("3");
		});
		assertThat(this.redis.getExpire(ipKey).block()).isPositive();
		assertThat(this.redis.getExpire(userKey).block()).isPositive();
	}

	@Test
	void learnsWhatOtherGatewayInstancesCountedWithinASettlement() {
		awaitCountingInRedis();
		EdgeClient client = client();
		String session = "shared-" + UUID.randomUUID();
		String cookie = "SESSION=" + session;
		assertThat(get(client, 1, cookie)).containsExactly(200);
		// Other gateway instances have let this session use up its budget.
		String userKey = keyPrefix() + ":user:" + RateLimitRules.digest(session);
		assertThat(this.redis.opsForValue().increment(userKey, USER_LIMIT).block()).isEqualTo(USER_LIMIT + 1);

		// At most a dozen requests: this client IP's own ceiling (IP_LIMIT) is not what
		// refuses it.
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(get(client, 1, cookie)).containsExactly(429));
	}

	/** After an outage test, Redis is back and the gateway has noticed. */
	private void awaitCountingInRedis() {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			EdgeClient probe = client();
			probe.get("/api/products");
			assertThat(this.redis.hasKey(keyPrefix() + ":ip:" + probe.address()).block()).isTrue();
		});
	}

	@Test
	void keepsLimitingLoginWithRedisDown() {
		assumeTrue(TestInfrastructure.redis().isEmbedded(), "an external Redis cannot be stopped by a test");
		EdgeClient client = client();
		try {
			TestInfrastructure.redis().stop();

			List<Integer> statuses = post(client, "/api/auth/login", AUTH_LIMIT + 1);

			assertThat(statuses).containsExactly(200, 200, 200, 429);
			assertThat(client.get("/api/products").statusCode()).isEqualTo(200);
			assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
		}
		finally {
			TestInfrastructure.redis().restart();
			awaitCountingInRedis();
		}
	}

	@Test
	void answersQuicklyWithRedisDown() {
		assumeTrue(TestInfrastructure.redis().isEmbedded(), "an external Redis cannot be stopped by a test");
		EdgeClient client = client();
		try {
			TestInfrastructure.redis().stop();
			client.get("/api/products");

			long start = System.nanoTime();
			for (int i = 0; i < 10; i++) {
				assertThat(client.get("/api/products").statusCode()).isEqualTo(200);
			}

			// Ten Redis timeouts alone would take 3 s.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			TestInfrastructure.redis().restart();
			awaitCountingInRedis();
		}
	}

	@Test
	void stopsAnAttackerRotatingAddressesAgainstOneAccount() {
		String victim = "victim-" + UUID.randomUUID() + "@example.com";
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < ACCOUNT_LIMIT; i++) {
			// Every attempt from a fresh address, with the e-mail spelt differently.
			String spelling = (i % 2 == 0) ? victim : "  " + victim.toUpperCase(Locale.ROOT) + " ";
			statuses.add(client().post("/api/auth/login", login(spelling)).statusCode());
		}

		HttpResponse<String> refused = client().post("/api/auth/login", login(victim));

		assertThat(statuses).containsOnly(401);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("\"status\":429");
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(loginsReaching(victim)).isEqualTo(ACCOUNT_LIMIT);
	}

	@Test
	void keepsEveryOtherAccountOpenWhileOneIsLockedOut() {
		String victim = "locked-" + UUID.randomUUID() + "@example.com";
		for (int i = 0; i <= ACCOUNT_LIMIT; i++) {
			client().post("/api/auth/login", login(victim));
		}
		EdgeClient bystander = client();

		assertThat(client().post("/api/auth/login", login(victim)).statusCode()).isEqualTo(429);
		assertThat(bystander.post("/api/auth/login", login("other-" + UUID.randomUUID() + "@example.com")).statusCode())
			.isEqualTo(401);
		assertThat(
				bystander.post("/api/auth/register", login("new-" + UUID.randomUUID() + "@example.com")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void passesTheLoginBodyOnUnchangedAndCountsAChunkedOne() {
		String account = "chunked-" + UUID.randomUUID() + "@example.com";
		byte[] body = login(account).getBytes(StandardCharsets.UTF_8);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i <= ACCOUNT_LIMIT; i++) {
			EdgeClient client = client();
			statuses.add(RawHttp.exchange(client.address(), this.port, """
					POST /api/auth/login HTTP/1.1
					Host: localhost
					Content-Type: application/json
					Transfer-Encoding: chunked""", RawHttp.chunked(body, 7)).status());
		}

		assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
		assertThat(Stream.concat(ALPHA.received().stream(), BRAVO.received().stream()))
			.filteredOn((request) -> new String(request.body(), StandardCharsets.UTF_8).contains(account))
			.hasSize(ACCOUNT_LIMIT)
			.allSatisfy((request) -> assertThat(request.body()).isEqualTo(body));
	}

	@Test
	void keepsLimitingEachAccountWithRedisDown() {
		assumeTrue(TestInfrastructure.redis().isEmbedded(), "an external Redis cannot be stopped by a test");
		String victim = "outage-" + UUID.randomUUID() + "@example.com";
		try {
			TestInfrastructure.redis().stop();
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i <= ACCOUNT_LIMIT; i++) {
				statuses.add(client().post("/api/auth/login", login(victim)).statusCode());
			}

			assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
			assertThat(
					client().post("/api/auth/login", login("fine-" + UUID.randomUUID() + "@example.com")).statusCode())
				.isEqualTo(401);
		}
		finally {
			TestInfrastructure.redis().restart();
			awaitCountingInRedis();
		}
	}

	@Test
	void countsOnlyRefusedSignInsAgainstTheAccount() {
		String owner = "owner-" + UUID.randomUUID() + "@example.com";
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 2 * ACCOUNT_LIMIT; i++) {
			statuses.add(client().post("/api/auth/login", login(owner, "correct-horse-1")).statusCode());
		}
		for (int i = 0; i < ACCOUNT_LIMIT; i++) {
			statuses.add(client().post("/api/auth/login", login(owner)).statusCode());
		}

		assertThat(statuses.subList(0, 2 * ACCOUNT_LIMIT)).containsOnly(200);
		assertThat(statuses.subList(2 * ACCOUNT_LIMIT, statuses.size())).containsOnly(401);
		assertThat(client().post("/api/auth/login", login(owner, "correct-horse-1")).statusCode()).isEqualTo(429);
	}

	private static String login(String email) {
		return login(email, StubBff.WRONG_PASSWORD);
	}

	private static String login(String email, String password) {
		return "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
	}

	private static long loginsReaching(String email) {
		String needle = email.toLowerCase(Locale.ROOT);
		return Stream.concat(ALPHA.received().stream(), BRAVO.received().stream())
			.filter((request) -> new String(request.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
				.contains(needle))
			.count();
	}

	private static List<Integer> post(EdgeClient client, String path, int times) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			statuses.add(client.post(path, "{}").statusCode());
		}
		return statuses;
	}

	private static List<Integer> get(EdgeClient client, int times, String cookie) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			HttpResponse<String> response = (cookie != null) ? client.get("/api/products", "Cookie", cookie)
					: client.get("/api/products");
			statuses.add(response.statusCode());
		}
		return statuses;
	}

}
