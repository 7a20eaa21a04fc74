package io.hashop.gateway.routing;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.EdgeIntegrationTest;
import io.hashop.gateway.RawHttp;
import io.hashop.gateway.StubBff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRoutingIntegrationTests extends EdgeIntegrationTest {

	@Test
	void forwardsApiRequestsWithMethodPathQueryAndBody() {
		EdgeClient client = client();

		HttpResponse<String> response = client.post("/api/orders?limit=5", "{\"items\":[]}", "Idempotency-Key", "key-1",
				"X-Forwarded-For", "203.0.113.7", "Forwarded", "for=203.0.113.7");

		assertThat(response.statusCode()).isEqualTo(200);
		StubBff.Received received = onlyRequest();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.path()).isEqualTo("/api/orders");
		assertThat(received.query()).isEqualTo("limit=5");
		assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[]}");
		assertThat(received.header("Idempotency-Key")).isEqualTo("key-1");
		assertThat(received.header("X-Forwarded-For")).isEqualTo(client.address());
		assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + this.port);
		assertThat(received.header("X-Forwarded-Port")).isEqualTo(Integer.toString(this.port));
		assertThat(received.header("Forwarded")).isNull();
	}

	@Test
	void spreadsRequestsRoundRobinOverTheInstances() {
		EdgeClient client = client();

		for (int i = 0; i < 10; i++) {
			assertThat(client.get("/api/products").statusCode()).isEqualTo(200);
		}

		assertThat(ALPHA.count("GET", "/api/products")).isEqualTo(5);
		assertThat(BRAVO.count("GET", "/api/products")).isEqualTo(5);
	}

	@Test
	void passesTheBffsErrorAnswersThroughWithoutRetrying() {
		HttpResponse<String> response = client().get("/api/status/503");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(ALPHA.count("GET", "/api/status/503") + BRAVO.count("GET", "/api/status/503")).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/prometheus", "/actuator", "/index.html", "/apis/products",
			"/healthz/../actuator/health" })
	void answersProblem404ForPathsOutsideTheApi(String path) {
		HttpResponse<String> response = client().get(path);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":404");
		assertThat(reachedBff()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/../actuator/health", "/api/%2e%2e/actuator/health", "/api/%2E%2E/actuator",
			"/api/..;/actuator/health", "/api/products/..%2factuator", "/api/./products", "//api/products",
			"/api/products;jsessionid=1", "/api\\..\\actuator", "/api/%252e%252e/actuator" })
	void neverRoutesNonCanonicalPaths(String path) {
		RawHttp.Answer answer = RawHttp.exchange(this.port, "GET " + path + " HTTP/1.1\nHost: localhost", new byte[0]);

		assertThat(answer.status()).isIn(400, 404);
		assertThat(reachedBff()).isZero();
	}

	@Test
	void answersNonCanonicalPathsWithProblem404() {
		RawHttp.Answer answer = RawHttp.exchange(this.port, "GET /api/../actuator/health HTTP/1.1\nHost: localhost",
				new byte[0]);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
		assertThat(answer.headers()).containsEntry("x-content-type-options", "nosniff");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/products/%ff", "/api/products/%C0%AE", "/api/products/x%00", "/api/products?q=%ff",
			"/api/products?q=%00", "/api/products?q=%e2%82" })
	void answersProblem400ForMalformedEncodingsWithoutBotheringTheBff(String target) {
		RawHttp.Answer answer = RawHttp.exchange(this.port, "GET " + target + " HTTP/1.1\nHost: localhost",
				new byte[0]);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
		assertThat(answer.body()).contains("\"status\":400");
		assertThat(reachedBff()).isZero();
	}

	@Test
	void passesWellEncodedUtf8InPathAndQuery() {
		RawHttp.Answer answer = RawHttp.exchange(this.port,
				"GET /api/products/caf%C3%A9?q=%E2%82%AC+x&sort=name HTTP/1.1\nHost: localhost", new byte[0]);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(onlyRequest().query()).isEqualTo("q=%E2%82%AC+x&sort=name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CONNECT", "TRACE", "PROPFIND", "FOO", "get", "Post" })
	void answersProblem405ForMethodsOutsideTheApiWithoutBotheringTheBff(String method) {
		RawHttp.Answer answer = RawHttp.exchange(this.port, method + " /api/products HTTP/1.1\nHost: localhost",
				new byte[0]);

		assertThat(answer.status()).isEqualTo(405);
		assertThat(answer.headers()).containsEntry("content-type", "application/problem+json")
			.containsEntry("allow", "GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS");
		assertThat(answer.body()).contains("\"status\":405");
		assertThat(reachedBff()).isZero();
	}

	@Test
	void answersProblem405ForConnectInAuthorityForm() {
		RawHttp.Answer answer = RawHttp.exchange(this.port, "CONNECT localhost:80 HTTP/1.1\nHost: localhost:80",
				new byte[0]);

		assertThat(answer.status()).isEqualTo(405);
		assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
		assertThat(reachedBff()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PATCH", "DELETE", "OPTIONS" })
	void forwardsTheApisOtherMethods(String method) {
		RawHttp.Answer answer = RawHttp.exchange(this.port,
				method + " /api/orders/1 HTTP/1.1\nHost: localhost\nContent-Length: 0", new byte[0]);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(onlyRequest().method()).isEqualTo(method);
	}

	@Test
	void answersHealthProbesWithoutTouchingTheBff() {
		EdgeClient client = client();

		for (String path : List.of("/healthz", "/livez", "/readyz")) {
			assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(reachedBff()).isZero();
	}

	private static StubBff.Received onlyRequest() {
		List<StubBff.Received> all = new ArrayList<>(ALPHA.received());
		all.addAll(BRAVO.received());
		assertThat(all).hasSize(1);
		return all.get(0);
	}

}
