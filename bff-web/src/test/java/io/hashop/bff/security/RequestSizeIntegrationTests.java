package io.hashop.bff.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.hashop.bff.support.BffIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BFF's own body and header limits, reached directly (without the gateway): a chunked
 * body cannot slip past the 64 KB limit, and headers the gateway lets through (up to 16
 * KB) are never a bare 400.
 */
class RequestSizeIntegrationTests extends BffIntegrationTest {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void refusesAChunkedBodyOverTheLimitWith413() {
		HttpResponse<String> response = send(chunked("/api/auth/register", registration("x".repeat(70_000))));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":413");
	}

	@Test
	void refusesADeclaredBodyOverTheLimitWith413() {
		HttpResponse<String> response = send(request("/api/auth/register").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(registration("x".repeat(70_000)))));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void passesAChunkedBodyUnderTheLimitOn() {
		HttpResponse<String> response = send(chunked("/api/auth/register", registration("Chunked")));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body()).contains("\"displayName\":\"Chunked\"");
	}

	@Test
	void acceptsTheHeadersTheGatewayLetsThrough() {
		// 16 KB is the gateway's limit; it adds its forwarding headers on top.
		HttpResponse<String> response = send(request("/api/products").header("X-Padding", "p".repeat(16 * 1024))
			.header("X-Forwarded-For", "203.0.113.9")
			.GET());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesTooLargeHeadersWithProblemJson431() {
		HttpResponse<String> response = send(request("/api/products").header("X-Padding", "p".repeat(12 * 1024))
			.header("X-More-Padding", "p".repeat(12 * 1024))
			.GET());

		assertThat(response.statusCode()).isEqualTo(431);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":431");
	}

	private static String registration(String displayName) {
		return """
				{"email":"%s@example.com","password":"correct-horse-1","displayName":"%s"}"""
			.formatted(UUID.randomUUID(), displayName);
	}

	private HttpRequest.Builder chunked(String path, String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		// An input stream has no known length: the client sends it chunked.
		return request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
