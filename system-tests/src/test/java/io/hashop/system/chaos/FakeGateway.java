package io.hashop.system.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the gateway in the shopper's unit tests: answers each call from a script
 * ({@code 200} by default), sets the session and XSRF cookies at login, and keeps every
 * request it got.
 */
final class FakeGateway implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	FakeGateway() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	/** The next answers to {@code "POST /api/orders"} and the like, in order. */
	FakeGateway script(String call, Reply... replies) {
		this.script.computeIfAbsent(call, (key) -> new ArrayDeque<>()).addAll(List.of(replies));
		return this;
	}

	List<Received> received(String call) {
		return this.received.stream().filter((request) -> request.call().equals(call)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.received.add(new Received(call, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
				exchange.getRequestHeaders().getFirst("X-XSRF-TOKEN"), exchange.getRequestHeaders().getFirst("Cookie"),
				body));
		Deque<Reply> replies = this.script.get(call);
		Reply reply = (replies != null && !replies.isEmpty()) ? replies.poll()
				: new Reply(call.equals("POST /api/auth/register") ? 201 : 200, "{}");
		if (call.equals("POST /api/auth/login") && reply.status() == 200) {
			exchange.getResponseHeaders().add("Set-Cookie", "SESSION=s" + this.received.size() + "; Path=/; HttpOnly");
			exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=x" + this.received.size() + "; Path=/");
		}
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(reply.status(), bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Reply(int status, String body) {

	}

	record Received(String call, String idempotencyKey, String xsrfHeader, String cookies, String body) {

	}

}
