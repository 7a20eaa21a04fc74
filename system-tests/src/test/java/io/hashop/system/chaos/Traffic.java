package io.hashop.system.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;

/** The shoppers, one thread each, until stopped. */
final class Traffic {

	private final ExecutorService threads;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final CountDownLatch signedIn;

	private Traffic(int users) {
		this.threads = Executors.newFixedThreadPool(users, Thread.ofPlatform().name("shopper-", 1).factory());
		this.signedIn = new CountDownLatch(users);
	}

	/**
	 * Starts {@code users} shoppers with names unique to this run.
	 * @param seed makes the shoppers' choices repeatable (not their timing)
	 */
	static Traffic start(int users, List<String> gateways, History history, RunClock clock, long seed) {
		Traffic traffic = new Traffic(users);
		String run = Long.toHexString(seed & 0xffffffL) + "-" + Long.toHexString(System.nanoTime() & 0xffffL);
		for (int i = 1; i <= users; i++) {
			String name = "chaos-" + run + "-" + i;
			traffic.threads.execute(new Shopper(name, new ShopperClient(name, gateways, history, clock), clock,
					new Random(seed + i), traffic.running::get, traffic.signedIn));
		}
		return traffic;
	}

	/** Waits until every shopper has registered and signed in. */
	void awaitSignedIn(Duration timeout) {
		await("every shopper signed in").atMost(timeout).until(() -> this.signedIn.getCount() == 0);
	}

	/**
	 * Stops the shoppers: each finishes the order in hand (bounded by its patience), then
	 * stops; whoever is still busy after {@code grace} is interrupted.
	 */
	void stop(Duration grace) throws InterruptedException {
		this.running.set(false);
		this.threads.shutdown();
		if (!this.threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
			this.threads.shutdownNow();
			this.threads.awaitTermination(15, TimeUnit.SECONDS);
		}
	}

}
