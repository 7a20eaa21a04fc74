package io.hashop.gateway.requestlimit;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.EdgeIntegrationTest;
import io.hashop.gateway.RawHttp;
import io.hashop.gateway.StubBff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLimitsIntegrationTests extends EdgeIntegrationTest {

	private static final int LIMIT = 64 * 1024;

	@Test
	void passesABodyOfExactlyTheLimit() {
		HttpResponse<String> response = client().post("/api/orders", json(LIMIT));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"bytes\":" + LIMIT);
	}

	@Test
	void answers413ForADeclaredBodyOverTheLimitWithoutBotheringTheBff() {
		HttpResponse<String> response = client().post("/api/orders", json(LIMIT + 1));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":413");
		assertThat(reachedBff()).isZero();
	}

	@Test
	void answers413ForAChunkedBodyOverTheLimitWithoutBotheringTheBff() {
		RawHttp.Answer answer = RawHttp.exchange(this.port, """
				POST /api/orders HTTP/1.1
				Host: localhost
				Content-Type: application/json
				Transfer-Encoding: chunked""", RawHttp.chunked(json(LIMIT + 1).getBytes(StandardCharsets.UTF_8), 4096));

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
		assertThat(reachedBff()).isZero();
	}

	@Test
	void answers413ForAStreamedBodyWithoutContentLength() {
		byte[] body = json(2 * LIMIT).getBytes(StandardCharsets.UTF_8);
		EdgeClient client = client();
		HttpResponse<String> response = client.send(client.request("/api/orders")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(reachedBff()).isZero();
	}

	@Test
	void passesAChunkedBodyWithinTheLimitWithItsLength() {
		byte[] body = json(LIMIT).getBytes(StandardCharsets.UTF_8);

		RawHttp.Answer answer = RawHttp.exchange(this.port, """
				POST /api/orders HTTP/1.1
				Host: localhost
				Content-Type: application/json
				Transfer-Encoding: chunked""", RawHttp.chunked(body, 1000));

		assertThat(answer.status()).isEqualTo(200);
		StubBff.Received received = (ALPHA.count() == 1) ? ALPHA.received().get(0) : BRAVO.received().get(0);
		assertThat(received.body()).isEqualTo(body);
		assertThat(received.header("Content-Length")).isEqualTo(Integer.toString(LIMIT));
	}

	@Test
	void answersProblem431ForHeadersOverTheLimit() {
		HttpResponse<String> response = client().get("/api/products", "X-Big", "x".repeat(17 * 1024));

		assertThat(response.statusCode()).isEqualTo(431);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(reachedBff()).isZero();
	}

	@Test
	void answersProblem431ForMoreThan100HeadersWithoutBotheringTheBff() {
		RawHttp.Answer answer = RawHttp.exchange(this.port, request(headers(100)), new byte[0]);

		assertThat(answer.status()).isEqualTo(431);
		assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
		assertThat(answer.body()).contains("\"status\":431");
		assertThat(reachedBff()).isZero();
	}

	@Test
	void passes90HeadersToTheBff() {
		// With Host, Connection and the X-Request-Id the gateway adds: 90.
		RawHttp.Answer answer = RawHttp.exchange(this.port, request(headers(87)), new byte[0]);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(reachedBff()).isEqualTo(1);
	}

	@Test
	void passesHeadersWithinTheLimit() {
		HttpResponse<String> response = client().get("/api/products", "X-Big", "x".repeat(12 * 1024));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	/** A JSON string literal of exactly this many bytes. */
	private static String json(int bytes) {
		char[] filler = new char[bytes - 2];
		Arrays.fill(filler, 'a');
		return "\"" + new String(filler) + "\"";
	}

	private static String request(String headers) {
		return "GET /api/products HTTP/1.1\nHost: localhost" + headers;
	}

	/** This many more header lines, each with a name of its own. */
	private static String headers(int count) {
		StringBuilder headers = new StringBuilder();
		for (int i = 0; i < count; i++) {
			headers.append("\nX-Header-").append(i).append(": ").append(i);
		}
		return headers.toString();
	}

}
