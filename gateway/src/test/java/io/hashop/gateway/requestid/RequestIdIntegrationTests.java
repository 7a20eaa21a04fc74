package io.hashop.gateway.requestid;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hashop.gateway.EdgeIntegrationTest;
import io.hashop.gateway.StubBff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdIntegrationTests extends EdgeIntegrationTest {

	@Test
	void acceptsAWellFormedClientIdAndPassesItToTheBff() {
		HttpResponse<String> response = client().get("/api/me", "X-Request-Id", "client.id-42_A");

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("client.id-42_A");
		assertThat(forwardedId()).isEqualTo("client.id-42_A");
	}

	@Test
	void replacesAMalformedClientIdWithAUuid() {
		String tooLong = "a".repeat(65);
		for (String malformed : List.of("has space", "semi;colon", "ünïcode", tooLong)) {
			forgetEarlierRequests();

			HttpResponse<String> response = client().get("/api/me", "X-Request-Id", malformed);

			String id = response.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(UUID.fromString(id).toString()).as(malformed).isEqualTo(id);
			assertThat(forwardedId()).as(malformed).isEqualTo(id);
		}
	}

	@Test
	void generatesAnIdWhenTheClientSentNone() {
		HttpResponse<String> response = client().get("/api/me");

		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(UUID.fromString(id).toString()).isEqualTo(id);
		assertThat(forwardedId()).isEqualTo(id);
	}

	@Test
	void returnsTheIdOnTheGatewaysOwnErrorsToo() {
		HttpResponse<String> response = client().get("/nowhere", "X-Request-Id", "trace-404");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-404");
		assertThat(response.body()).contains("\"requestId\":\"trace-404\"");
	}

	private static String forwardedId() {
		List<StubBff.Received> received = new ArrayList<>(ALPHA.received());
		received.addAll(BRAVO.received());
		assertThat(received).hasSize(1);
		return received.get(0).header("X-Request-Id");
	}

}
