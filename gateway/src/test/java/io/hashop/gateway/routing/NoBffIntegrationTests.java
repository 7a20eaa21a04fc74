package io.hashop.gateway.routing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.hashop.devinfra.test.WithTestRedis;
import io.hashop.gateway.EdgeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No BFF instance answers at all (the same context as
 * {@code GatewayHealthIntegrationTests}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0",
				"hashop.gateway.load-balancer.instances=http://127.0.0.1:1,http://127.0.0.1:9" })
@WithTestRedis
class NoBffIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "GET", "POST", "PUT", "DELETE" })
	void answersProblem503FastWithRetryAfter(String method) {
		EdgeClient client = EdgeClient.fresh(this.port);

		long start = System.nanoTime();
		HttpResponse<String> response = client.send(client.request("/api/orders")
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).contains("\"status\":503").doesNotContain("bff-web").doesNotContain("Exception");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void stillAnswersHealthProbes() {
		assertThat(EdgeClient.fresh(this.port).get("/readyz").statusCode()).isEqualTo(200);
	}

}
