package io.hashop.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the {@code outbox} table to Kafka and marks each entry sent. Each batch is
 * leased with {@code SELECT ... FOR UPDATE SKIP LOCKED} inside one database transaction
 * that also records the outcome of every entry: several instances relay in parallel
 * without relaying one entry at the same time, and a crash (which ends the transaction)
 * leaves the entries unsent for the next pass. Delivery is therefore at least once, and
 * consumers deduplicate by event id.
 *
 * <p>
 * Entries succeed or fail one by one: an acknowledged entry is marked sent whatever its
 * neighbours do. A failed entry gets its attempt count, last error and a next attempt
 * after a doubling back-off; after {@code max-attempts} it is parked and never retried
 * automatically. A broker outage is not the entries' fault: when nothing in a pass was
 * acknowledged and every failure was transient (timeouts, connection errors), the pass is
 * rolled back without counting attempts and the relay backs off as a whole.
 *
 * <p>
 * The table (each service creates it in its own migrations):
 *
 * <pre>
 * outbox (id bigint identity primary key, event_id uuid unique, topic, message_key,
 *         event_type, payload bytea, occurred_at timestamptz, traceparent, sent_at timestamptz,
 *         attempts int, last_error, next_attempt_at timestamptz, parked_at timestamptz)
 * </pre>
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

	private static final int CLEANUP_MAX_BATCHES = 10;

	private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);

	private final OutboxTable table;

	private final TransactionTemplate transactions;

	private final KafkaOperations<String, byte[]> kafka;

	private final KafkaPlatformProperties.Outbox properties;

	private final OutboxMetrics metrics = new OutboxMetrics();

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	private Instant nextCleanup = Instant.now();

	private Instant nextStats = Instant.now();

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
			KafkaPlatformProperties.Outbox properties) {
		this.table = new OutboxTable(jdbc);
		this.transactions = transactions;
		this.kafka = kafka;
		this.properties = properties;
	}

	/** Publishes now instead of at the next poll. */
	void wakeUp() {
		this.wakeUps.release();
	}

	OutboxMetrics metrics() {
		return this.metrics;
	}

	/** What one pass did. */
	private record Pass(int sent, int outageFailures) {

	}

	/**
	 * Leases and publishes one batch, marking each acknowledged entry sent and recording
	 * each failed one.
	 * @return how many entries were published
	 * @throws IllegalStateException when the broker acknowledged nothing and every
	 * failure was transient (an outage): nothing was recorded
	 */
	int relayBatch() {
		Pass pass = this.transactions.execute((status) -> {
			List<OutboxEntry> entries = this.table.lease(this.properties.batchSize());
			if (entries.isEmpty()) {
				return new Pass(0, 0);
			}
			Map<OutboxEntry, Throwable> failures = new LinkedHashMap<>();
			List<Long> acknowledged = publish(entries, failures);
			if (this.properties.haltAfterPublish() && !acknowledged.isEmpty()) {
				logger.error("Fault injection: halting after the broker acknowledged {} outbox entries",
						acknowledged.size());
				Runtime.getRuntime().halt(99);
			}
			// Only a broker that acknowledged something else shows a transient failure is
			// the entry's own.
			Map<OutboxEntry, Throwable> counted = new LinkedHashMap<>();
			failures.forEach((entry, error) -> {
				if (!acknowledged.isEmpty() || !OutboxFailures.isTransient(error)) {
					counted.put(entry, error);
				}
			});
			if (acknowledged.isEmpty() && counted.isEmpty()) {
				throw new IllegalStateException("The broker did not acknowledge the outbox batch: "
						+ OutboxFailures.describe(failures.values().iterator().next()));
			}
			this.table.markSent(acknowledged);
			counted.forEach(this::recordFailure);
			return new Pass(acknowledged.size(), failures.size() - counted.size());
		});
		if (pass.outageFailures() > 0 && pass.sent() == 0) {
			throw new IllegalStateException("The broker acknowledged no outbox entry");
		}
		return pass.sent();
	}

	/** Sends every entry and waits for each outcome. */
	private List<Long> publish(List<OutboxEntry> entries, Map<OutboxEntry, Throwable> failures) {
		Map<OutboxEntry, CompletableFuture<?>> sends = new LinkedHashMap<>();
		for (OutboxEntry entry : entries) {
			try {
				sends.put(entry, this.kafka.send(entry.toRecord()));
			}
			catch (RuntimeException ex) {
				failures.put(entry, ex);
			}
		}
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		List<Long> acknowledged = new ArrayList<>();
		for (Map.Entry<OutboxEntry, CompletableFuture<?>> send : sends.entrySet()) {
			try {
				send.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				acknowledged.add(send.getKey().id());
			}
			catch (ExecutionException ex) {
				failures.put(send.getKey(), (ex.getCause() != null) ? ex.getCause() : ex);
			}
			catch (TimeoutException ex) {
				failures.put(send.getKey(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while publishing the outbox", ex);
			}
		}
		return acknowledged;
	}

	private void recordFailure(OutboxEntry entry, Throwable error) {
		int attempts = entry.attempts() + 1;
		boolean park = attempts >= this.properties.maxAttempts();
		Duration retryIn = backOff(attempts);
		this.table.recordFailure(entry, OutboxFailures.describe(error), retryIn, park);
		this.metrics.failed(park);
		if (park) {
			logger.error("Parked outbox entry {} (event {}) after {} failed attempts: {}", entry.id(), entry.eventId(),
					attempts, OutboxFailures.describe(error));
		}
		else {
			logger.warn("Outbox entry {} (event {}) failed (attempt {} of {}), next attempt in {}: {}", entry.id(),
					entry.eventId(), attempts, this.properties.maxAttempts(), retryIn, OutboxFailures.describe(error));
		}
	}

	/** The wait after the {@code attempts}-th failed attempt of an entry. */
	Duration backOff(int attempts) {
		return OutboxFailures.backOff(attempts, this.properties.retryBackoff(), this.properties.maxRetryBackoff());
	}

	/** Refreshes the figures of {@link OutboxMetrics} from the table. */
	void refreshStats() {
		this.metrics.update(this.table.stats());
	}

	/**
	 * Deletes entries sent longer than the retention ago, in bounded batches.
	 * @return what was deleted
	 */
	BatchedDelete.Purged cleanUp() {
		BatchedDelete.Purged purged = this.table.deleteSent(this.properties.retention(),
				this.properties.cleanupBatchSize(), CLEANUP_MAX_BATCHES);
		if (purged.rows() > 0) {
			logger.info("Deleted {} outbox entries sent more than {} ago ({} batches)", purged.rows(),
					this.properties.retention(), purged.batches());
		}
		return purged;
	}

	private void run() {
		Duration backOff = this.properties.pollInterval();
		boolean failing = false;
		while (this.running) {
			try {
				int sent = relayBatch();
				if (failing) {
					logger.info("Outbox relay recovered");
				}
				failing = false;
				backOff = this.properties.pollInterval();
				housekeepingNowAndThen();
				if (sent == this.properties.batchSize()) {
					continue;
				}
			}
			catch (RuntimeException ex) {
				if (!failing) {
					logger.warn("Outbox relay failed, retrying with back-off: {}", ex.getMessage());
				}
				failing = true;
				backOff = min(backOff.multipliedBy(2), MAX_BACK_OFF);
				housekeepingNowAndThen();
			}
			await(failing ? backOff : this.properties.pollInterval());
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

	private void housekeepingNowAndThen() {
		try {
			Instant now = Instant.now();
			if (!now.isBefore(this.nextStats)) {
				this.nextStats = now.plus(STATS_INTERVAL);
				refreshStats();
			}
			if (!now.isBefore(this.nextCleanup)) {
				this.nextCleanup = now.plus(CLEANUP_INTERVAL);
				cleanUp();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox housekeeping failed: {}", ex.getMessage());
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
	}

	@Override
	public synchronized void stop() {
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

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
