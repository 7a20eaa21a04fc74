package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the relay over a service's {@code outbox} table. An entry is <em>due</em>
 * while it is neither sent nor parked and its {@code next_attempt_at} (set after a failed
 * attempt) has come; the partial index {@code outbox_due (id) WHERE sent_at IS NULL AND
 * parked_at IS NULL} serves the lease and the backlog figures.
 */
final class OutboxTable {

	/** Longest {@code last_error} kept, the column's size. */
	static final int MAX_ERROR_LENGTH = 1000;

	private final JdbcClient jdbc;

	private final BatchedDelete sentEntries;

	OutboxTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.sentEntries = new BatchedDelete(jdbc, "outbox", "sent_at");
	}

	/**
	 * Figures for the metrics: what waits, what is parked, how old the oldest waiting is.
	 */
	record Stats(long backlog, long parked, double oldestUnsentAgeSeconds) {

		static final Stats NONE = new Stats(0, 0, 0);

	}

	/**
	 * Locks up to {@code limit} due entries, oldest first, skipping those locked
	 * elsewhere.
	 */
	List<OutboxEntry> lease(int limit) {
		return this.jdbc.sql("""
				SELECT id, event_id, topic, message_key, event_type, payload, occurred_at, traceparent, attempts
				FROM outbox
				WHERE sent_at IS NULL AND parked_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
				ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
				""").param("limit", limit).query(OutboxEntry::of).list();
	}

	void markSent(List<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE outbox SET sent_at = now() WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	/**
	 * Records a failed attempt: the next one comes after {@code retryIn}, or never if
	 * {@code park}.
	 */
	void recordFailure(OutboxEntry entry, String error, Duration retryIn, boolean park) {
		this.jdbc.sql("""
				UPDATE outbox SET attempts = :attempts, last_error = :error,
				    next_attempt_at = now() + make_interval(secs => :retryIn),
				    parked_at = CASE WHEN :park THEN now() END
				WHERE id = :id
				""")
			.param("attempts", entry.attempts() + 1)
			.param("error", (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error)
			.param("retryIn", retryIn.toMillis() / 1000.0)
			.param("park", park)
			.param("id", entry.id())
			.update();
	}

	Stats stats() {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL) AS backlog,
				       (SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL) AS parked,
				       (SELECT extract(epoch FROM now() - occurred_at) FROM outbox
				        WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT 1) AS oldest
				""")
			.query((row, rowNum) -> new Stats(row.getLong("backlog"), row.getLong("parked"),
					Math.max(0, row.getDouble("oldest"))))
			.single();
	}

	/** Deletes entries sent longer than {@code retention} ago; parked ones stay. */
	BatchedDelete.Purged deleteSent(Duration retention, int batchSize, int maxBatches) {
		return this.sentEntries.olderThan(retention, batchSize, maxBatches);
	}

}
