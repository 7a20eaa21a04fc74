package io.hashop.bff.catalog;

import java.time.Duration;

import io.hashop.bff.support.BffInstances;
import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.hashop.bff.support.ApiFixtures.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two BFF instances sharing Redis: a price changed through one is seen by the other
 * within a second (the invalidation on the Redis channel).
 */
class PriceChangeAcrossInstancesIntegrationTests extends BffIntegrationTest {

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startSecondInstance() {
		second = BffInstances.start(downstreams);
	}

	@AfterAll
	static void stopSecondInstance() {
		second.close();
	}

	@Test
	void seesAPriceChangeMadeOnAnotherInstanceWithinASecond() {
		ApiClient onFirst = client();
		ApiClient onSecond = new ApiClient(BffInstances.url(second));
		downstreams.users.add("admin@example.com", "admin-password-1", "Admin", "ADMIN");
		assertThat(login(onFirst, "admin@example.com", "admin-password-1").status()).isEqualTo(200);
		long before = onSecond.get("/api/products").json().get(2).get("priceCents").asLong();

		assertThat(onFirst.put("/api/admin/products/3", "{\"priceCents\":" + (before + 100) + "}").status())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> onSecond.get("/api/products").json().get(2).get("priceCents").asLong() == before + 100);
	}

}
