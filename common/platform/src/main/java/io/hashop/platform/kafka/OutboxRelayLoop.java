package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's thread: relays batch after batch while a full batch comes back, otherwise
 * waits a poll interval (a commit that appended an entry ends the wait early), and backs
 * off, doubling up to 5 s, while passes fail. Housekeeping runs after every pass.
 */
final class OutboxRelayLoop {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

	private final IntSupplier relayBatch;

	private final Runnable housekeeping;

	private final Duration pollInterval;

	private final int batchSize;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	OutboxRelayLoop(IntSupplier relayBatch, Runnable housekeeping, Duration pollInterval, int batchSize) {
		this.relayBatch = relayBatch;
		this.housekeeping = housekeeping;
		this.pollInterval = pollInterval;
		this.batchSize = batchSize;
	}

	/** Ends the current wait early. */
	void wakeUp() {
		this.wakeUps.release();
	}

	synchronized void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
	}

	synchronized void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	boolean isRunning() {
		return this.running;
	}

	private void run() {
		Duration backOff = this.pollInterval;
		boolean failing = false;
		while (this.running) {
			try {
				int sent = this.relayBatch.getAsInt();
				if (failing) {
					logger.info("Outbox relay recovered");
				}
				failing = false;
				backOff = this.pollInterval;
				this.housekeeping.run();
				if (sent == this.batchSize) {
					continue;
				}
			}
			catch (RuntimeException ex) {
				if (!failing) {
					logger.warn("Outbox relay failed, retrying with back-off: {}", ex.getMessage());
				}
				failing = true;
				backOff = min(backOff.multipliedBy(2), MAX_BACK_OFF);
				this.housekeeping.run();
			}
			await(failing ? backOff : this.pollInterval);
		}
	}

	/** Waits for the interval; a commit that appended an entry ends the wait early. */
	private void await(Duration interval) {
		try {
			if (this.wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
				this.wakeUps.drainPermits();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
