package io.hashop.platform.kafka;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's chores besides publishing, each on its own schedule: the figures of
 * {@link OutboxMetrics} every 5 s, and the deletion of entries sent longer than the
 * retention ago every minute, in bounded batches.
 */
final class OutboxHousekeeping {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

	private static final int CLEANUP_MAX_BATCHES = 10;

	private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);

	private final OutboxTable table;

	private final OutboxMetrics metrics;

	private final KafkaPlatformProperties.Outbox properties;

	private Instant nextCleanup = Instant.now();

	private Instant nextStats = Instant.now();

	OutboxHousekeeping(OutboxTable table, OutboxMetrics metrics, KafkaPlatformProperties.Outbox properties) {
		this.table = table;
		this.metrics = metrics;
		this.properties = properties;
	}

	/** Does whichever chore is due; a failure is logged and tried again when next due. */
	void nowAndThen() {
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

	void refreshStats() {
		this.metrics.update(this.table.stats());
	}

	BatchedDelete.Purged cleanUp() {
		BatchedDelete.Purged purged = this.table.deleteSent(this.properties.retention(),
				this.properties.cleanupBatchSize(), CLEANUP_MAX_BATCHES);
		if (purged.rows() > 0) {
			logger.info("Deleted {} outbox entries sent more than {} ago ({} batches)", purged.rows(),
					this.properties.retention(), purged.batches());
		}
		return purged;
	}

}
