package io.hashop.system.failover;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hashop.devinfra.test.ApiClient;

/**
 * One signed-in shopper through the gateway, in a loop until stopped: who am I, browse,
 * order one item; every answer is kept with the time its request started.
 */
final class ShopperLoop implements AutoCloseable {

	/** One answer: what, when it was asked (nanoTime), its status, -1 for no answer. */
	record Call(String what, long startedNanos, long endedNanos, int status) {

	}

	private final ApiClient client;

	private final long productId;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Thread thread;

	ShopperLoop(ApiClient client, long productId) {
		this.client = client;
		this.productId = productId;
		this.thread = Thread.ofPlatform().name("shopper").daemon().start(this::run);
	}

	private void run() {
		while (this.running.get()) {
			call("me", () -> this.client.get("/api/me"));
			call("products", () -> this.client.get("/api/products"));
			call("order",
					() -> this.client.send("POST", "/api/orders",
							"{\"items\":[{\"productId\":" + this.productId + ",\"quantity\":1}]}",
							java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString())));
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void call(String what, java.util.function.Supplier<ApiClient.Response> request) {
		long started = System.nanoTime();
		int status;
		try {
			status = request.get().status();
		}
		catch (IllegalStateException ex) {
			status = -1;
		}
		this.calls.add(new Call(what, started, System.nanoTime(), status));
	}

	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		this.thread.join(40_000);
	}

}
