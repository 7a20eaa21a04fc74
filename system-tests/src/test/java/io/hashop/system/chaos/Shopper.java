package io.hashop.system.chaos;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import io.hashop.system.chaos.ShopperClient.Answer;

/**
 * One simulated user, behaving as the README tells clients to: registers once, signs in,
 * then places an order, reads the dashboard and now and then the order list, over and
 * over. An order that got no answer or a 502/503/504 is sent again with the same
 * {@code Idempotency-Key} and body for up to a minute; a 401 (the session was lost, say
 * with Redis) means signing in again and going on.
 */
final class Shopper implements Runnable {

	/** How long a shopper keeps retrying one order before giving up on it. */
	static final Duration ORDER_PATIENCE = Duration.ofSeconds(60);

	static final String PASSWORD = "chaos-password-1";

	private final String name;

	private final ShopperClient client;

	private final RunClock clock;

	private final Random random;

	private final BooleanSupplier running;

	private final CountDownLatch signedIn;

	private int orders;

	Shopper(String name, ShopperClient client, RunClock clock, Random random, BooleanSupplier running,
			CountDownLatch signedIn) {
		this.name = name;
		this.client = client;
		this.clock = clock;
		this.random = random;
		this.running = running;
		this.signedIn = signedIn;
	}

	@Override
	public void run() {
		try (this.client) {
			signUp();
			this.signedIn.countDown();
			while (this.running.getAsBoolean()) {
				placeOrder();
				read(Operation.DASHBOARD, "/api/dashboard");
				if (this.random.nextInt(3) == 0) {
					read(Operation.LIST_ORDERS, "/api/orders?limit=10");
				}
				// Pacing: a user's think time between two rounds.
				Thread.sleep(100 + this.random.nextInt(300));
			}
		}
		catch (InterruptedException ex) {
			// The traffic was stopped for good.
			Thread.currentThread().interrupt();
		}
	}

	private void signUp() throws InterruptedException {
		String body = "{\"email\":\"" + this.name + "@example.com\",\"password\":\"" + PASSWORD
				+ "\",\"displayName\":\"" + this.name + "\"}";
		Backoff backoff = new Backoff(this.random);
		while (this.running.getAsBoolean()) {
			int status = this.client.send(Operation.REGISTER, "POST", "/api/auth/register", body, null).status();
			// A 409 is an earlier attempt whose 201 got lost on the way.
			if (status == 201 || status == 409) {
				logIn(Long.MAX_VALUE);
				return;
			}
			backoff.pause();
		}
	}

	/** Signs in, retrying until it works or the deadline (run clock) passes. */
	private boolean logIn(long deadline) throws InterruptedException {
		String body = "{\"email\":\"" + this.name + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
		Backoff backoff = new Backoff(this.random);
		while (this.running.getAsBoolean() && this.clock.nanos() < deadline) {
			if (this.client.send(Operation.LOGIN, "POST", "/api/auth/login", body, null).status() == 200) {
				return true;
			}
			backoff.pause();
		}
		return false;
	}

	/**
	 * One order to the end: an answer other than a retryable one, or the patience used
	 * up. It is finished even when the traffic stops meanwhile, as a user would.
	 */
	private void placeOrder() throws InterruptedException {
		String key = this.name + "-" + (++this.orders);
		String body = Basket.random(this.random);
		long deadline = this.clock.nanos() + ORDER_PATIENCE.toNanos();
		Backoff backoff = new Backoff(this.random);
		while (this.clock.nanos() < deadline) {
			Answer answer = this.client.send(Operation.PLACE_ORDER, "POST", "/api/orders", body, key);
			if (answer.status() == 201) {
				return;
			}
			if (answer.status() == 401) {
				// Signing in fails only when the traffic stopped or the patience ran out.
				if (!logIn(deadline)) {
					return;
				}
				continue;
			}
			if (!answer.isWorthRetrying()) {
				// A 4xx or a 500 is an answer, not an outage; the history keeps it.
				return;
			}
			backoff.pause();
		}
	}

	private void read(Operation operation, String path) throws InterruptedException {
		if (this.client.send(operation, "GET", path, null, null).status() == 401) {
			logIn(this.clock.nanos() + ORDER_PATIENCE.toNanos());
		}
	}

}
