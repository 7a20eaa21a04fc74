package io.hashop.system.observability;

import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.hashop.contracts.Topics;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import io.hashop.system.support.SystemUnderTest;
import io.hashop.system.support.TraceCollector.ReceivedSpan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One order is one trace: the caller's W3C {@code traceparent} goes in at the gateway,
 * and every process that works on the order (the BFF's calls over gRPC, the outbox,
 * Kafka, the payment, the status change and the owner's e-mail) adds its spans to that
 * trace.
 */
class TracingEndToEndIntegrationTests {

	private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

	@Test
	void followsAnOrderFromTheGatewayToThePaymentAndTheEmailInOneTrace() {
		SystemUnderTest system = SystemUnderTest.shared();
		ApiClient shopper = signUp(system.gatewayUrl(1));
		String traceId = hex(16);
		String callerSpanId = hex(8);

		Response placed = shopper.send("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
				Map.of("Idempotency-Key", "traced-" + UUID.randomUUID(), "traceparent",
						"00-" + traceId + "-" + callerSpanId + "-01"));
		assertThat(placed.status()).isEqualTo(201);
		String orderId = placed.json().get("id").asString();
		await().atMost(SAGA_TIMEOUT)
			.until(() -> shopper.get("/api/orders/" + orderId).json().get("status").asString(), "PAID"::equals);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ReceivedSpan> spans = system.traces().trace(traceId);
			assertThat(spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet()))
				.containsAll(Set.of("gateway", "bff-web", "order-service", "payment-service", "user-service"));
			// The listeners of the payment outcome (order-service: the status;
			// user-service:
			// the e-mail) joined the trace too, not only the placing call.
			assertThat(spans).filteredOn((span) -> span.service().equals("order-service"))
				.extracting(ReceivedSpan::name)
				.anySatisfy((name) -> assertThat(name).contains(Topics.PAYMENTS));
			assertThat(spans).filteredOn((span) -> span.service().equals("user-service"))
				.extracting(ReceivedSpan::name)
				.anySatisfy((name) -> assertThat(name).contains(Topics.PAYMENTS));
			// One tree: every span's parent is a span of the trace, or the caller's span.
			Set<String> parents = spans.stream()
				.map(ReceivedSpan::spanId)
				.collect(Collectors.toCollection(HashSet::new));
			parents.add(callerSpanId);
			assertThat(spans).allSatisfy((span) -> assertThat(span.parentSpanId()).isIn(parents));
		});
	}

	private static ApiClient signUp(String gatewayUrl) {
		String email = "traced-" + UUID.randomUUID() + "@example.com";
		ApiClient client = new ApiClient(gatewayUrl);
		assertThat(client
			.post("/api/auth/register",
					"{\"email\":\"" + email + "\",\"password\":\"correct-horse-1\",\"displayName\":\"Traced\"}")
			.status()).isEqualTo(201);
		assertThat(client.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"correct-horse-1\"}")
			.status()).isEqualTo(200);
		return client;
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
