package io.hashop.system.drill;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hashop.devinfra.test.ApiClient;

/**
 * One shopper ordering in a loop through whichever region the resolver names: signs in
 * again where it has no session (region B's Redis never saw region A's), and keeps every
 * order answered 201 with the region that accepted it.
 */
final class DrillShopper implements AutoCloseable {

	/** An order a region answered 201, and when (nanoTime). */
	record Accepted(String id, String region, long atNanos) {

	}

	private final RegionResolver resolver;

	private final String email;

	private final String password;

	private final long productId;

	private final Map<String, ApiClient> sessions = new ConcurrentHashMap<>();

	private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

	private volatile boolean running = true;

	private final Thread thread;

	DrillShopper(RegionResolver resolver, String email, String password, long productId) {
		this.resolver = resolver;
		this.email = email;
		this.password = password;
		this.productId = productId;
		this.thread = Thread.ofPlatform().name("drill-shopper").daemon().start(this::run);
	}

	private void run() {
		while (this.running) {
			Optional<String> region = this.resolver.current();
			try {
				if (region.isPresent()) {
					order(region.get());
				}
				Thread.sleep(region.isPresent() ? 20 : 100);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// no answer (a region dying): the resolver decides where the next one
				// goes
			}
		}
	}

	private void order(String region) {
		ApiClient client = this.sessions.computeIfAbsent(region, ApiClient::new);
		ApiClient.Response response = client.send("POST", "/api/orders",
				"{\"items\":[{\"productId\":" + this.productId + ",\"quantity\":1}]}",
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		if (response.status() == 201) {
			this.accepted.add(new Accepted(response.json().get("id").asString(), region, System.nanoTime()));
		}
		else if (response.status() == 401 || response.status() == 403) {
			client.post("/api/auth/login", "{\"email\":\"" + this.email + "\",\"password\":\"" + this.password + "\"}");
		}
	}

	List<Accepted> accepted() {
		return List.copyOf(this.accepted);
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(40_000);
	}

}
