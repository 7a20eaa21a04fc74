package io.hashop.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the {@code outbox} table to Kafka and marks each entry sent. Each batch is
 * leased with {@code SELECT ... FOR UPDATE SKIP LOCKED} inside one database transaction
 * that also marks it sent: several instances relay in parallel without relaying one entry
 * at the same time, and a crash (which ends the transaction) leaves the entries unsent
 * for the next pass. Delivery is therefore at least once, and consumers deduplicate by
 * event id.
 *
 * <p>
 * The table (each service creates it in its own migration):
 *
 * <pre>
 * outbox (id bigint identity primary key, event_id uuid unique, topic, message_key,
 *         event_type, payload bytea, occurred_at timestamptz, traceparent, sent_at timestamptz)
 * </pre>
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaOperations<String, byte[]> kafka;

	private final KafkaPlatformProperties.Outbox properties;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	private Instant nextCleanup = Instant.now();

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
			KafkaPlatformProperties.Outbox properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.properties = properties;
	}

	/** Publishes now instead of at the next poll. */
	void wakeUp() {
		this.wakeUps.release();
	}

	/**
	 * Leases, publishes and marks sent one batch.
	 * @return how many entries were published
	 */
	int relayBatch() {
		Integer sent = this.transactions.execute((status) -> {
			List<Entry> entries = lease();
			if (entries.isEmpty()) {
				return 0;
			}
			publish(entries);
			if (this.properties.haltAfterPublish()) {
				logger.error("Fault injection: halting after the broker acknowledged {} outbox entries",
						entries.size());
				Runtime.getRuntime().halt(99);
			}
			this.jdbc.sql("UPDATE outbox SET sent_at = now() WHERE id IN (:ids)")
				.param("ids", entries.stream().map(Entry::id).toList())
				.update();
			return entries.size();
		});
		return (sent != null) ? sent : 0;
	}

	private List<Entry> lease() {
		return this.jdbc.sql("""
				SELECT id, event_id, topic, message_key, event_type, payload, occurred_at, traceparent
				FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
				""").param("limit", this.properties.batchSize()).query(OutboxRelay::entry).list();
	}

	private void publish(List<Entry> entries) {
		List<CompletableFuture<?>> sends = new ArrayList<>();
		try {
			for (Entry entry : entries) {
				sends.add(this.kafka.send(entry.toRecord()));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the outbox", ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			throw new IllegalStateException("The broker did not acknowledge the outbox batch: " + ex.getMessage(), ex);
		}
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
				cleanUpNowAndThen();
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

	private void cleanUpNowAndThen() {
		if (Instant.now().isBefore(this.nextCleanup)) {
			return;
		}
		this.nextCleanup = Instant.now().plus(CLEANUP_INTERVAL);
		int deleted = this.jdbc.sql("DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => :seconds)")
			.param("seconds", this.properties.retention().toSeconds())
			.update();
		if (deleted > 0) {
			logger.info("Deleted {} outbox entries sent more than {} ago", deleted, this.properties.retention());
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

	private static Entry entry(ResultSet row, int rowNum) throws SQLException {
		return new Entry(row.getLong("id"), row.getObject("event_id", UUID.class), row.getString("topic"),
				row.getString("message_key"), row.getString("event_type"), row.getBytes("payload"),
				row.getTimestamp("occurred_at").toInstant(), row.getString("traceparent"));
	}

	/** One leased outbox entry. */
	private record Entry(long id, UUID eventId, String topic, String key, String type, byte[] payload,
			Instant occurredAt, String traceparent) {

		ProducerRecord<String, byte[]> toRecord() {
			RecordHeaders headers = new RecordHeaders();
			headers.add(EventHeaders.TYPE, bytes(this.type));
			headers.add(EventHeaders.ID, bytes(this.eventId.toString()));
			headers.add(EventHeaders.TIME, bytes(this.occurredAt.toString()));
			if (this.traceparent != null) {
				headers.add(EventHeaders.TRACEPARENT, bytes(this.traceparent));
			}
			return new ProducerRecord<>(this.topic, null, this.key, this.payload, headers);
		}

		private static byte[] bytes(String value) {
			return value.getBytes(StandardCharsets.UTF_8);
		}

	}

}
