package io.hashop.bff.instances;

import java.time.Duration;

import io.hashop.bff.BffApplication;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.bff.support.FakeDownstreams;
import io.hashop.devinfra.RedisServer;
import io.hashop.devinfra.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two BFF instances sharing Redis: any instance serves any session, also after the
 * creating instance stops, and a price changed through one is seen by the other within a
 * second.
 */
class TwoInstancesIntegrationTests {

	static final FakeDownstreams downstreams = new FakeDownstreams();

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = start();
		second = start();
	}

	@AfterAll
	static void stopAll() throws InterruptedException {
		first.close();
		second.close();
		downstreams.close();
	}

	@Test
	void seesAPriceChangeMadeOnAnotherInstanceWithinASecond() {
		ApiClient onFirst = new ApiClient(url(first));
		ApiClient onSecond = new ApiClient(url(second));
		downstreams.users.add("admin@example.com", "admin-password-1", "Admin", "ADMIN");
		assertThat(
				onFirst.post("/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin-password-1\"}")
					.status())
			.isEqualTo(200);
		long before = onSecond.get("/api/products").json().get(2).get("priceCents").asLong();

		assertThat(onFirst.put("/api/admin/products/3", "{\"priceCents\":" + (before + 100) + "}").status())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> onSecond.get("/api/products").json().get(2).get("priceCents").asLong() == before + 100);
	}

	@Test
	void servesASessionOnAnyInstanceEvenAfterTheOneThatCreatedItStops() {
		ConfigurableApplicationContext creator = start();
		ApiClient onCreator = new ApiClient(url(creator));
		downstreams.users.add("roaming@example.com", "correct-horse-1", "Roaming", "USER");
		assertThat(onCreator
			.post("/api/auth/login", "{\"email\":\"roaming@example.com\",\"password\":\"correct-horse-1\"}")
			.status()).isEqualTo(200);
		ApiClient onSecond = new ApiClient(url(second));
		onCreator.shareCookiesWith(onSecond, url(second));

		assertThat(onSecond.get("/api/me").json().get("email").asString()).isEqualTo("roaming@example.com");
		creator.close();
		assertThat(onSecond.get("/api/me").status()).isEqualTo(200);
		assertThat(onSecond
			.send("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
					java.util.Map.of("Idempotency-Key", "roaming-1"))
			.status()).isEqualTo(201);
	}

	private static ConfigurableApplicationContext start() {
		RedisServer redis = TestInfrastructure.redis();
		return new SpringApplicationBuilder(BffApplication.class).run("--server.port=0", "--management.server.port=0",
				"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
				"--spring.grpc.client.channels.user-service.address=" + downstreams.userServer.address(),
				"--spring.grpc.client.channels.order-service.address=" + downstreams.orderServer.address(),
				"--hashop.bff.payment-service.instances=" + downstreams.payments.url(),
				"--platform.identity.secret=" + FakeDownstreams.SECRET);
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

}
