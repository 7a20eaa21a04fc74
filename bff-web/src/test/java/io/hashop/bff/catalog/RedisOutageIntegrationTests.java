package io.hashop.bff.catalog;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.RedisServer;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import io.hashop.devinfra.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.hashop.bff.support.ApiFixtures.PASSWORD;
import static io.hashop.bff.support.ApiFixtures.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Redis down: authenticated routes answer 503 with Retry-After quickly, the catalog is
 * still served, and when Redis returns the local catalog copy is flushed so nothing stale
 * survives.
 */
class RedisOutageIntegrationTests extends BffIntegrationTest {

	final RedisServer redis = TestInfrastructure.redis();

	@Autowired
	CatalogCache cache;

	/** Redis back, and the price changed behind the caches' back forgotten everywhere. */
	@AfterEach
	void redisBack() {
		if (!isUp()) {
			this.redis.restart();
		}
		downstreams.orders.resetCatalog();
		this.cache.invalidateEverywhere();
	}

	@Test
	void answers503ForSessionsButStillServesTheCatalogAndFlushesItWhenRedisReturns() {
		assumeTrue(this.redis.isEmbedded(), "an external Redis cannot be stopped by a test");
		ApiClient client = clientSignedInAs("redis@example.com");
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
		assertThat(login(client, "redis@example.com", PASSWORD).status()).isEqualTo(503);
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
		try (Socket socket = new Socket("localhost", this.redis.port())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
