package io.hashop.system.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * What a few shoppers and an administrator do, through both gateways, on a background
 * thread for a while: sign-ups, browsing, orders (which get paid over Kafka), the order
 * list, the dashboard (the BFF calls payment-service over HTTP), price changes and a few
 * requests for products that do not exist. Enough for every service's metrics to move.
 */
final class ShopTraffic implements AutoCloseable {

	private static final String PASSWORD = "correct-horse-1";

	private static final long MISSING_PRODUCT = 987654321;

	private final List<String> gateways;

	private final String adminEmail;

	private final String adminPassword;

	private final Thread thread;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	private volatile boolean stopped;

	private volatile long deadline;

	ShopTraffic(List<String> gateways, String adminEmail, String adminPassword) {
		this.gateways = gateways;
		this.adminEmail = adminEmail;
		this.adminPassword = adminPassword;
		this.thread = new Thread(this::run, "shop-traffic");
		this.thread.setDaemon(true);
	}

	/** Starts sending, for at most {@code duration}. */
	ShopTraffic start(Duration duration) {
		this.deadline = System.nanoTime() + duration.toNanos();
		this.thread.start();
		return this;
	}

	@Override
	public void close() throws InterruptedException {
		this.stopped = true;
		this.thread.join(Duration.ofSeconds(40));
	}

	@Override
	public String toString() {
		return this.requests.get() + " requests, " + this.failures.get() + " failed to get an answer";
	}

	private void run() {
		List<ApiClient> admins = new ArrayList<>();
		for (String gateway : this.gateways) {
			admins.add(signIn(gateway, this.adminEmail, this.adminPassword));
		}
		for (int round = 0; !this.stopped && System.nanoTime() < this.deadline; round++) {
			String gateway = this.gateways.get(round % this.gateways.size());
			try {
				shop(gateway, admins.get(round % admins.size()));
			}
			catch (RuntimeException ex) {
				// A timeout under load: the next round goes on.
				this.failures.incrementAndGet();
			}
		}
	}

	/** One shopper's visit, and the administrator touching one price. */
	private void shop(String gateway, ApiClient admin) {
		String email = "observed-" + UUID.randomUUID() + "@example.com";
		ApiClient shopper = new ApiClient(gateway);
		send(() -> shopper.post("/api/auth/register",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Observed\"}"));
		send(() -> shopper.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
		JsonNode products = send(() -> shopper.get("/api/products")).json();
		for (int visit = 0; visit < 5; visit++) {
			JsonNode product = products.get(visit % products.size());
			long id = product.get("id").asLong();
			send(() -> shopper.get("/api/products/" + id));
			send(() -> shopper.send("POST", "/api/orders", "{\"items\":[{\"productId\":" + id + ",\"quantity\":1}]}",
					Map.of("Idempotency-Key", "observed-" + UUID.randomUUID())));
			send(() -> shopper.get("/api/orders"));
			send(() -> shopper.get("/api/dashboard"));
			send(() -> shopper.get("/api/products/" + MISSING_PRODUCT));
		}
		// The same price again: the change goes through every cache, and no other test
		// sees a different price.
		JsonNode first = products.get(0);
		send(() -> admin.put("/api/admin/products/" + first.get("id").asLong(),
				"{\"priceCents\":" + first.get("priceCents").asLong() + "}"));
	}

	private Response send(Supplier<Response> request) {
		this.requests.incrementAndGet();
		return request.get();
	}

	private static ApiClient signIn(String gateway, String email, String password) {
		ApiClient client = new ApiClient(gateway);
		client.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
		return client;
	}

}
