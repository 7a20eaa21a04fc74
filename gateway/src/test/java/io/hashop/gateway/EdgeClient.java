package io.hashop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP client for the gateway under test, sending from its own loopback address
 * (127.0.x.y, never 127.0.0.1), so each test is a fresh client IP with fresh rate-limit
 * budgets.
 */
public final class EdgeClient {

	private static final AtomicInteger next = new AtomicInteger();

	private final HttpClient http;

	private final String address;

	private final int port;

	private EdgeClient(int port, String address) {
		this.port = port;
		this.address = address;
		try {
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.localAddress(InetAddress.getByName(address))
				.build();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A client from an address no other client of this test JVM uses. */
	public static EdgeClient fresh(int port) {
		int n = next.incrementAndGet();
		return new EdgeClient(port, "127.0." + (1 + n / 250) + "." + (1 + n % 250));
	}

	/** A client from the given loopback address (127.x.y.z). */
	public static EdgeClient from(int port, String address) {
		return new EdgeClient(port, address);
	}

	/** The client's own IP address, as the gateway sees it. */
	public String address() {
		return this.address;
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
	}

	public HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = request(path).GET();
		return send((headers.length > 0) ? request.headers(headers) : request);
	}

	public HttpResponse<String> post(String path, String body, String... headers) {
		HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		return send((headers.length > 0) ? request.headers(headers) : request);
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
