package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The parts: {@link OutboxTable} (the SQL), {@link OutboxPublisher} (the sends),
 * {@link OutboxRelayLoop} (the thread and its back-off) and {@link OutboxHousekeeping}
 * (metrics and retention). The table is the platform's, created by {@link OutboxSchema}.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxTable table;

	private final TransactionTemplate transactions;

	private final OutboxPublisher publisher;

	private final KafkaPlatformProperties.Outbox properties;

	private final OutboxMetrics metrics = new OutboxMetrics();

	private final OutboxHousekeeping housekeeping;

	private final OutboxRelayLoop loop;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
			KafkaPlatformProperties.Outbox properties) {
		this.table = new OutboxTable(jdbc);
		this.transactions = transactions;
		this.publisher = new OutboxPublisher(kafka, properties.sendTimeout());
		this.properties = properties;
		this.housekeeping = new OutboxHousekeeping(this.table, this.metrics, properties);
		this.loop = new OutboxRelayLoop(this::relayBatch, this.housekeeping::nowAndThen, properties.pollInterval(),
				properties.batchSize());
	}

	/** Publishes now instead of at the next poll. */
	void wakeUp() {
		this.loop.wakeUp();
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
			OutboxPublisher.Published published = this.publisher.publish(entries);
			List<Long> acknowledged = published.acknowledged();
			Map<OutboxEntry, Throwable> failures = published.failures();
			if (this.properties.haltAfterPublish() && !acknowledged.isEmpty()) {
				logger.error("Fault injection: halting after the broker acknowledged {} outbox entries",
						acknowledged.size());
				Runtime.getRuntime().halt(99);
			}
			Map<OutboxEntry, Throwable> counted = entriesOwnFailures(published);
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

	/**
	 * The failures that count against their entries: only a broker that acknowledged
	 * something else shows a transient failure is the entry's own.
	 */
	private static Map<OutboxEntry, Throwable> entriesOwnFailures(OutboxPublisher.Published published) {
		Map<OutboxEntry, Throwable> counted = new LinkedHashMap<>();
		published.failures().forEach((entry, error) -> {
			if (!published.acknowledged().isEmpty() || !OutboxFailures.isTransient(error)) {
				counted.put(entry, error);
			}
		});
		return counted;
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
		this.housekeeping.refreshStats();
	}

	/**
	 * Deletes entries sent longer than the retention ago, in bounded batches.
	 * @return what was deleted
	 */
	BatchedDelete.Purged cleanUp() {
		return this.housekeeping.cleanUp();
	}

	@Override
	public void start() {
		this.loop.start();
	}

	@Override
	public void stop() {
		this.loop.stop();
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}

}
