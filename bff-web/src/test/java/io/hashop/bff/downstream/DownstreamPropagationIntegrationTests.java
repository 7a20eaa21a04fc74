package io.hashop.bff.downstream;

import java.util.Map;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.hashop.bff.support.ApiFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every downstream call carries besides its token: the caller's trace and request
 * id, over gRPC (user- and order-service) and Feign (payment-service).
 */
class DownstreamPropagationIntegrationTests extends BffIntegrationTest {

	ApiClient client;

	@BeforeEach
	void signedIn() {
		this.client = client();
		signIn(this.client);
	}

	@Test
	void continuesTheCallersTraceOnEveryDownstreamCall() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

		Response response = this.client.send("GET", "/api/dashboard", null,
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

		assertThat(response.status()).isEqualTo(200);
		// gRPC to user- and order-service, Feign to payment-service: each from a client
		// span of the BFF's own, in the caller's trace.
		String ownSpan = "00-" + traceId + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01";
		assertThat(downstreams.userServer.lastTraceparent()).matches(ownSpan);
		assertThat(downstreams.orderServer.lastTraceparent()).matches(ownSpan);
		assertThat(downstreams.payments.lastTraceparent()).matches(ownSpan);
	}

	@Test
	void passesTheRequestIdToEveryDownstream() {
		Response response = this.client.send("GET", "/api/dashboard", null, Map.of("X-Request-Id", "trace-me-42"));

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-me-42");
		assertThat(downstreams.userServer.lastRequestId()).isEqualTo("trace-me-42");
		assertThat(downstreams.orderServer.lastRequestId()).isEqualTo("trace-me-42");
		assertThat(downstreams.payments.lastRequestId()).isEqualTo("trace-me-42");
		Response unsafe = this.client.send("GET", "/api/products", null,
				Map.of("X-Request-Id", "bad id with spaces and {braces}"));
		assertThat(unsafe.headers().firstValue("X-Request-Id").orElseThrow())
			.isNotEqualTo("bad id with spaces and {braces}")
			.hasSize(36);
	}

}
