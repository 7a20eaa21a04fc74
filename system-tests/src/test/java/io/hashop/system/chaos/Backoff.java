package io.hashop.system.chaos;

import java.time.Duration;
import java.util.Random;

/**
 * The pause between a client's retries: 200 ms doubled up to 5 s, ±50 % jitter so that
 * the shoppers do not retry in step.
 */
final class Backoff {

	static final Duration INITIAL = Duration.ofMillis(200);

	static final Duration MAX = Duration.ofSeconds(5);

	private final Random random;

	private Duration next = INITIAL;

	Backoff(Random random) {
		this.random = random;
	}

	void pause() throws InterruptedException {
		long millis = this.next.toMillis();
		// Pacing a client's retries: a plain sleep is what a real client does here.
		Thread.sleep(millis / 2 + this.random.nextLong(millis + 1));
		this.next = (this.next.multipliedBy(2).compareTo(MAX) > 0) ? MAX : this.next.multipliedBy(2);
	}

}
