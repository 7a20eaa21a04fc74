package io.hashop.bff.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hashop.platform.identity.InternalTokenVerifier;
import io.hashop.platform.identity.InvalidInternalTokenException;

/**
 * payment-service's REST API, faked over real HTTP: it verifies the token and answers one
 * authorized payment per caller; {@code /readyz} answers 200 while it is ready.
 */
public final class FakePaymentService implements AutoCloseable {

	private final HttpServer server;

	private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicBoolean ready = new AtomicBoolean(true);

	private final AtomicReference<String> lastRequestId = new AtomicReference<>();

	private final AtomicReference<String> lastTraceparent = new AtomicReference<>();

	private final CountDownLatch released = new CountDownLatch(1);

	private final InternalTokenVerifier verifier;

	public FakePaymentService(InternalTokenVerifier verifier) {
		this.verifier = verifier;
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/payments", this::handle);
		this.server.createContext("/readyz", (exchange) -> {
			try (exchange) {
				exchange.sendResponseHeaders(this.ready.get() ? 200 : 503, -1);
			}
		});
		this.server.start();
	}

	public String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	public void setFault(Fault fault) {
		this.fault.set(fault);
	}

	/**
	 * Whether {@code /readyz} answers 200 (else 503); {@code /payments} is not affected.
	 */
	public void setReady(boolean ready) {
		this.ready.set(ready);
	}

	/** The {@code X-Request-Id} of the latest call. */
	public String lastRequestId() {
		return this.lastRequestId.get();
	}

	/** The W3C {@code traceparent} of the latest call. */
	public String lastTraceparent() {
		return this.lastTraceparent.get();
	}

	public int calls() {
		return this.calls.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		this.lastRequestId.set(exchange.getRequestHeaders().getFirst("X-Request-Id"));
		this.lastTraceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
		try (exchange) {
			switch (this.fault.get()) {
				case HANG -> awaitRelease();
				case DOWN -> exchange.sendResponseHeaders(503, -1);
				case NONE -> answer(exchange);
			}
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		String userId;
		try {
			userId = this.verifier.verifyBearer(exchange.getRequestHeaders().getFirst("Authorization")).userId();
		}
		catch (InvalidInternalTokenException ex) {
			exchange.sendResponseHeaders(401, -1);
			return;
		}
		byte[] body = """
				{"items":[{"id":"%s","orderId":"%s","amountCents":2490,"currency":"EUR","status":"AUTHORIZED",
				"declineReason":null,"createdAt":"2026-01-01T00:00:00Z"}]}
				""".formatted(java.util.UUID.nameUUIDFromBytes(userId.getBytes()), java.util.UUID.randomUUID())
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	private void awaitRelease() {
		try {
			this.released.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
	}

}
