package io.hashop.bff.resilience;

import java.time.Duration;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import io.hashop.bff.support.FakeDownstreams;
import io.hashop.devinfra.RedisServer;
import io.hashop.devinfra.test.TestInfrastructure;
import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * Redis down: authenticated routes answer 503 with Retry-After quickly, the catalog is
 * still served, and when Redis returns the local catalog copy is flushed so nothing stale
 * survives.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithTestRedis
class RedisOutageIntegrationTests {

	static final FakeDownstreams downstreams = new FakeDownstreams();

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		downstreams.register(registry);
	}

	@AfterAll
	static void stopDownstreams() throws InterruptedException {
		downstreams.close();
	}

	@LocalServerPort
	int port;

	final RedisServer redis = TestInfrastructure.redis();

	@AfterEach
	void redisBack() {
		if (!isUp()) {
			this.redis.restart();
		}
	}

	@Test
	void answers503ForSessionsButStillServesTheCatalogAndFlushesItWhenRedisReturns() {
		assumeTrue(this.redis.isEmbedded(), "an external Redis cannot be stopped by a test");
		ApiClient client = new ApiClient("http://localhost:" + this.port);
		downstreams.users.add("redis@example.com", "correct-horse-1", "Redis", "USER");
		assertThat(client.post("/api/auth/login", "{\"email\":\"redis@example.com\",\"password\":\"correct-horse-1\"}")
			.status()).isEqualTo(200);
		assertThat(client.get("/api/products").json().get(0).get("priceCents").asLong()).isEqualTo(2490);

		this.redis.stop();
		downstreams.orders.setPrice(1, 2790);

		long started = System.nanoTime();
		Response me = client.get("/api/me");
		Duration latency = Duration.ofNanos(System.nanoTime() - started);
		assertThat(me.status()).isEqualTo(503);
		assertThat(me.headers().firstValue("Retry-After")).isPresent();
		assertThat(me.contentType()).isEqualTo("application/problem+json");
		assertThat(latency).isLessThan(Duration.ofSeconds(2));
		assertThat(client.post("/api/auth/login", "{\"email\":\"redis@example.com\",\"password\":\"correct-horse-1\"}")
			.status()).isEqualTo(503);
		Response products = client.get("/api/products");
		assertThat(products.status()).isEqualTo(200);
		assertThat(products.json().get(0).get("priceCents").asLong()).as("served from the local copy").isEqualTo(2490);

		this.redis.restart();

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.get("/api/products").json().get(0).get("priceCents").asLong() == 2790);
		assertThat(client.get("/api/me").status()).isIn(200, 401);
	}

	private boolean isUp() {
		try (java.net.Socket socket = new java.net.Socket("localhost", this.redis.port())) {
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

}
