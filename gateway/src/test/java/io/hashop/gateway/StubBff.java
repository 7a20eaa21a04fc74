package io.hashop.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in BFF instance for the gateway's own tests: a real HTTP server on a loopback
 * port that records what reached it. {@code /readyz} answers 200 unless made unready;
 * {@code /api/slow} never answers (until the stub stops); {@code /api/status/NNN} answers
 * that status; {@code /api/cached} sets its own {@code Cache-Control};
 * {@code /api/banner} sends server banners; a failing stub answers 500 to everything but
 * {@code /readyz}; {@code /api/auth/login} answers 401 when the body holds
 * {@link #WRONG_PASSWORD}; anything else answers 200 with the instance's name.
 */
public final class StubBff {

	/** A login whose body contains this password is refused with 401, as a wrong one. */
	public static final String WRONG_PASSWORD = "not-the-password";

	private final String name;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "stub-bff");
		thread.setDaemon(true);
		return thread;
	});

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean ready = true;

	private volatile boolean failing;

	private StubBff(String name, HttpServer server) {
		this.name = name;
		this.server = server;
	}

	/** Starts a stub on a free loopback port. */
	public static StubBff start(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
			StubBff stub = new StubBff(name, server);
			server.createContext("/", stub::handle);
			server.setExecutor(stub.executor);
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String name() {
		return this.name;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Whether {@code /readyz} answers 200 (ready) or 503. */
	public StubBff ready(boolean ready) {
		this.ready = ready;
		return this;
	}

	/**
	 * Whether every request but the readiness probe is answered 500 (a broken release).
	 */
	public StubBff failing(boolean failing) {
		this.failing = failing;
		return this;
	}

	/** Every request except readiness probes, oldest first. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** How many requests with this method and path (without query) reached the stub. */
	public long count(String method, String path) {
		return this.received.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.count();
	}

	/** How many requests reached the stub at all, readiness probes excepted. */
	public int count() {
		return this.received.size();
	}

	public void clear() {
		this.received.clear();
	}

	/** Stops the server for good: its port refuses connections from now on. */
	public void stop() {
		this.stopped.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			byte[] body = readBody(exchange.getRequestBody());
			if (path.equals("/readyz")) {
				respond(exchange, this.ready ? 200 : 503, "{\"status\":\"" + (this.ready ? "UP" : "DOWN") + "\"}");
				return;
			}
			this.received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
					copy(exchange.getRequestHeaders()), body));
			if (this.failing) {
				respond(exchange, 500, "{}");
				return;
			}
			if (path.equals("/api/slow")) {
				this.stopped.await(30, TimeUnit.SECONDS);
				return;
			}
			if (path.startsWith("/api/status/")) {
				respond(exchange, Integer.parseInt(path.substring("/api/status/".length())), "{}");
				return;
			}
			if (path.equals("/api/auth/login") && new String(body, StandardCharsets.UTF_8).contains(WRONG_PASSWORD)) {
				respond(exchange, 401, "{}");
				return;
			}
			if (path.equals("/api/cached")) {
				exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
			}
			if (path.equals("/api/banner")) {
				exchange.getResponseHeaders().set("Server", "Apache-Coyote/1.1");
				exchange.getResponseHeaders().set("X-Powered-By", "Servlet/6.1");
				exchange.getResponseHeaders().set("X-Frame-Options", "ALLOWALL");
			}
			respond(exchange, 200, "{\"instance\":\"" + this.name + "\",\"bytes\":" + body.length + "}");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] readBody(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	private static Map<String, List<String>> copy(Headers headers) {
		return Map.copyOf(headers);
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * A request as the stub received it.
	 *
	 * @param method the method
	 * @param path the raw path
	 * @param query the raw query, or {@code null}
	 * @param headers the headers (names as the JDK server normalises them)
	 * @param body the body
	 */
	public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
