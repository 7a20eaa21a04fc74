package io.hashop.bff.downstream;

import java.time.Duration;

import io.hashop.bff.support.FakeDownstreams;
import io.hashop.bff.support.FakeGrpcServer;
import io.hashop.bff.support.FakePaymentService;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.hashop.bff.support.ApiFixtures.order;
import static io.hashop.bff.support.ApiFixtures.placeOrder;
import static io.hashop.bff.support.ApiFixtures.signInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every downstream: the BFF spreads its calls over both (gRPC
 * round_robin, Spring Cloud LoadBalancer for Feign), and an instance that stops, reports
 * NOT_SERVING or is not ready leaves the rotation within seconds, with no error for the
 * API client afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.cloud.loadbalancer.health-check.interval=500ms" })
@WithTestRedis
class DownstreamInstancesIntegrationTests {

	static final FakeDownstreams downstreams = new FakeDownstreams();

	static final FakeGrpcServer secondUserServer = downstreams.anotherUserServer();

	static final FakeGrpcServer secondOrderServer = downstreams.anotherOrderServer();

	static final FakePaymentService secondPayments = downstreams.anotherPaymentService();

	@DynamicPropertySource
	static void twoInstancesEach(DynamicPropertyRegistry registry) {
		registry.add("spring.grpc.client.channels.user-service.address",
				() -> "static://" + downstreams.userServer.instance() + "," + secondUserServer.instance());
		registry.add("spring.grpc.client.channels.order-service.address",
				() -> "static://" + downstreams.orderServer.instance() + ", " + secondOrderServer.instance());
		registry.add("hashop.bff.payment-service.instances",
				() -> downstreams.payments.url() + "," + secondPayments.url());
		registry.add("platform.identity.secret", () -> FakeDownstreams.SECRET);
	}

	@AfterAll
	static void stopDownstreams() throws InterruptedException {
		downstreams.close();
		secondUserServer.close();
		secondOrderServer.close();
		secondPayments.close();
	}

	@LocalServerPort
	int port;

	ApiClient client;

	@BeforeEach
	void signIn() {
		this.client = new ApiClient("http://localhost:" + this.port);
		signInAs(this.client, downstreams, "user@example.com");
	}

	@Test
	void spreadsOrderServiceCallsOverBothInstancesAndLeavesOutOneThatStops() throws InterruptedException {
		FakeGrpcServer first = downstreams.orderServer;
		int firstBefore = first.calls();
		int secondBefore = secondOrderServer.calls();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.client.get("/api/orders").status()).isEqualTo(200);
			assertThat(first.calls()).isGreaterThan(firstBefore);
			assertThat(secondOrderServer.calls()).isGreaterThan(secondBefore);
		});

		secondOrderServer.close();

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.client.get("/api/orders").status() == 200);
		int before = first.calls();
		for (int i = 0; i < 20; i++) {
			assertThat(this.client.get("/api/orders").status()).isEqualTo(200);
		}
		assertThat(placeOrder(this.client, "after-stop-1", order(1, 1)).status()).isEqualTo(201);
		assertThat(first.calls() - before).isEqualTo(21);
	}

	@Test
	void leavesOutAUserServiceInstanceWhileItReportsNotServing() {
		FakeGrpcServer first = downstreams.userServer;
		int firstBefore = first.calls();
		int secondBefore = secondUserServer.calls();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.client.get("/api/me").status()).isEqualTo(200);
			assertThat(first.calls()).isGreaterThan(firstBefore);
			assertThat(secondUserServer.calls()).isGreaterThan(secondBefore);
		});

		secondUserServer.setServing(false);
		try {
			await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				int before = secondUserServer.calls();
				for (int i = 0; i < 10; i++) {
					assertThat(this.client.get("/api/me").status()).isEqualTo(200);
				}
				assertThat(secondUserServer.calls()).isEqualTo(before);
			});
		}
		finally {
			secondUserServer.setServing(true);
		}

		int before = secondUserServer.calls();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(this.client.get("/api/me").status()).isEqualTo(200);
			assertThat(secondUserServer.calls()).isGreaterThan(before);
		});
	}

	@Test
	void spreadsPaymentServiceCallsOverBothInstancesAndSkipsOneThatIsNotReadyOrStopped() {
		FakePaymentService first = downstreams.payments;
		int firstBefore = first.calls();
		int secondBefore = secondPayments.calls();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(dashboardPayments()).isTrue();
			assertThat(first.calls()).isGreaterThan(firstBefore);
			assertThat(secondPayments.calls()).isGreaterThan(secondBefore);
		});

		first.setReady(false);
		try {
			await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				int before = first.calls();
				for (int i = 0; i < 10; i++) {
					assertThat(dashboardPayments()).isTrue();
				}
				assertThat(first.calls()).isEqualTo(before);
			});
		}
		finally {
			first.setReady(true);
		}
		int whileNotReady = first.calls();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(dashboardPayments()).isTrue();
			assertThat(first.calls()).isGreaterThan(whileNotReady);
		});

		secondPayments.close();

		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(this::dashboardPayments);
		int before = first.calls();
		for (int i = 0; i < 20; i++) {
			assertThat(dashboardPayments()).isTrue();
		}
		assertThat(first.calls() - before).isEqualTo(20);
	}

	/**
	 * Whether the dashboard answered 200 with its payments section, degraded in nothing.
	 */
	private boolean dashboardPayments() {
		Response response = this.client.get("/api/dashboard");
		if (response.status() != 200) {
			return false;
		}
		JsonNode dashboard = response.json();
		return dashboard.get("payments").isArray() && dashboard.get("degraded").isEmpty();
	}

}
