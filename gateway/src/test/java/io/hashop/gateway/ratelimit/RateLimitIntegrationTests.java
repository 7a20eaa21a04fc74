package io.hashop.gateway.ratelimit;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.hashop.devinfra.test.TestInfrastructure;
import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.EdgeIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RateLimitIntegrationTests extends EdgeIntegrationTest {

	private static final int AUTH_LIMIT = 3;

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
