package io.hashop.bff.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.hashop.bff.support.BffIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no route can take, sent as raw HTTP/1.1 (any method, any header): a wildcard,
 * multipart or malformed {@code Content-Type}, a method the firewall refuses, a path it
 * refuses, are all 4xx problem+json, never a 5xx, Boot's error JSON or a stack trace.
 */
class MalformedRequestIntegrationTests extends BffIntegrationTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /api/products       | */*
			GET  | /api/products       | application/*
			GET  | /api/openapi        | */*
			POST | /api/auth/register  | */*
			POST | /api/auth/login     | */*
			GET  | /api/orders         | */*
			GET  | /api/products       | multipart/form-data
			POST | /api/auth/register  | multipart/form-data
			POST | /api/auth/login     | multipart/form-data; boundary=x
			GET  | /api/products       | text/plain; charset=no-such-charset
			POST | /api/auth/register  | not a media type
			""")
	void refusesAContentTypeNoRouteAcceptsWith415(String method, String path, String contentType) throws IOException {
		Answer answer = send("""
				%s %s HTTP/1.1\r
				Host: localhost\r
				Content-Type: %s\r
				Content-Length: 2\r
				Connection: close\r
				\r
				{}""".formatted(method, path, contentType));

		assertThat(answer.status()).as("%s", answer).isEqualTo(415);
		assertThat(answer.isProblemJson()).as("%s", answer).isTrue();
		assertThat(answer.body()).contains("\"status\":415");
	}

	@ParameterizedTest
	@ValueSource(strings = { "TRACE", "PROPFIND", "FOO", "CONNECT" })
	void refusesAMethodWith405ProblemJson(String method) throws IOException {
		Answer answer = send("""
				%s /api/products HTTP/1.1\r
				Host: localhost\r
				Connection: close\r
				\r
				""".formatted(method));

		assertThat(answer.status()).as("%s", answer).isEqualTo(405);
		assertThat(answer.isProblemJson()).as("%s", answer).isTrue();
		assertThat(answer.body()).contains("\"status\":405").doesNotContain("timestamp", "Exception");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/api/products;jsessionid=x", "/api/%2e%2e/products", "/api/products/%2F..", "/api//products" })
	void refusesWhatTheFirewallRejectsWith400ProblemJson(String path) throws IOException {
		Answer answer = send("""
				GET %s HTTP/1.1\r
				Host: localhost\r
				Connection: close\r
				\r
				""".formatted(path));

		assertThat(answer.status()).as("%s", answer).isEqualTo(400);
		assertThat(answer.isProblemJson()).as("%s", answer).isTrue();
		assertThat(answer.body()).contains("\"status\":400").doesNotContain("timestamp", "Exception");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/error", "/api/no-such-route" })
	void answersTheErrorPageAsProblemJson(String path) throws IOException {
		Answer answer = send("""
				GET %s HTTP/1.1\r
				Host: localhost\r
				Connection: close\r
				\r
				""".formatted(path));

		assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
		assertThat(answer.isProblemJson()).as("%s", answer).isTrue();
		assertThat(answer.body()).doesNotContain("timestamp", "Exception");
	}

	private Answer send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			return Answer.parse(bytes.toString(StandardCharsets.ISO_8859_1));
		}
	}

	/** A raw HTTP/1.1 answer: status line, headers and the body as received. */
	record Answer(int status, String head, String body) {

		static Answer parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String head = (end < 0) ? raw : raw.substring(0, end);
			String body = (end < 0) ? "" : raw.substring(end + 4);
			return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, body);
		}

		boolean isProblemJson() {
			return this.head.toLowerCase().contains("\r\ncontent-type: application/problem+json");
		}

	}

}
