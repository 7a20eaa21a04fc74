package io.hashop.bff.downstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.bff.support.Fault;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downstreams that hang or are down: the dashboard still answers within its budget and
 * lists the sections it could not fill as degraded, other routes answer 503 problem+json
 * with Retry-After, and only reads are retried. The order-service breaker needs 100 calls
 * here before it may open, so the failures of one test never open it for the next (the
 * breaker itself: CircuitBreakerIntegrationTests).
 */
@TestPropertySource(properties = { "hashop.bff.dashboard.budget=600ms",
		"hashop.bff.downstream.services.order-service.timeout=300ms",
		"hashop.bff.downstream.services.payment-service.timeout=300ms",
		"hashop.bff.downstream.services.order-service.sliding-window-size=100",
		"hashop.bff.downstream.services.order-service.minimum-number-of-calls=100" })
class DownstreamFailureIntegrationTests extends BffIntegrationTest {

	ApiClient client;

	@BeforeEach
	void signIn() {
		this.client = clientSignedInAs("user@example.com");
	}

	@Test
	void degradesTheOrdersSectionWhenOrderServiceHangsAndStillAnswersWithinTheBudget() {
		downstreams.orderServer.setFault(Fault.HANG);

		long started = System.nanoTime();
		Response response = this.client.get("/api/dashboard");
		Duration latency = Duration.ofNanos(System.nanoTime() - started);

		System.out.printf("dashboard latency with order-service hung: %d ms (dashboard budget 600 ms)%n",
				latency.toMillis());
		assertThat(response.status()).isEqualTo(200);
		JsonNode dashboard = response.json();
		assertThat(dashboard.get("recentOrders").isNull()).isTrue();
		assertThat(dashboard.get("user").get("email").asString()).isEqualTo("user@example.com");
		assertThat(dashboard.get("payments")).hasSize(1);
		assertThat(dashboard.get("degraded").valueStream().map(JsonNode::asString).toList())
			.containsExactly("recentOrders");
		assertThat(latency).isLessThan(Duration.ofMillis(1200));
	}

	@Test
	void degradesThePaymentsSectionWhenPaymentServiceHangs() {
		downstreams.payments.setFault(Fault.HANG);

		JsonNode dashboard = this.client.get("/api/dashboard").json();

		assertThat(dashboard.get("payments").isNull()).isTrue();
		assertThat(dashboard.get("degraded").valueStream().map(JsonNode::asString).toList())
			.containsExactly("payments");
	}

	@Test
	void degradesEverySectionWhenAllServicesAreDown() {
		downstreams.userServer.setFault(Fault.DOWN);
		downstreams.orderServer.setFault(Fault.DOWN);
		downstreams.payments.setFault(Fault.DOWN);

		Response response = this.client.get("/api/dashboard");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("degraded").valueStream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrder("user", "recentOrders", "payments");
	}

	@Test
	void answers503WithRetryAfterWhenADownstreamIsDown() {
		downstreams.orderServer.setFault(Fault.DOWN);

		for (Response response : List.of(this.client.get("/api/orders"), this.client.send("POST", "/api/orders",
				"{\"items\":[{\"productId\":1,\"quantity\":1}]}", Map.of("Idempotency-Key", "down-1")))) {
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			assertThat(response.body()).doesNotContain("UNAVAILABLE").doesNotContain("localhost");
		}
	}

	@Test
	void retriesAReadOnceButNeverAWrite() {
		downstreams.orderServer.setFault(Fault.DOWN);

		int before = downstreams.orderServer.calls();
		this.client.get("/api/orders");
		int afterRead = downstreams.orderServer.calls();
		this.client.send("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
				Map.of("Idempotency-Key", "no-retry"));
		int afterWrite = downstreams.orderServer.calls();

		assertThat(afterRead - before).isEqualTo(2);
		assertThat(afterWrite - afterRead).isEqualTo(1);
	}

}
