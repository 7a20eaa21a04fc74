package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes a consumer's dedupe records ({@code processed_events},
 * {@code sent_notifications}) once no redelivery of their event is possible any more:
 * every {@code interval}, in batches of bounded size through the index on the time
 * column, so the table stays bounded without long locks. Several instances may purge at
 * once; each skips the rows another has locked.
 */
public class DedupeRetention implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DedupeRetention.class);

	private final BatchedDelete delete;

	private final KafkaPlatformProperties.Dedupe properties;

	private ScheduledExecutorService scheduler;

	DedupeRetention(JdbcClient jdbc, KafkaPlatformProperties.Dedupe properties) {
		this.delete = new BatchedDelete(jdbc, properties.table(), properties.timeColumn());
		this.properties = properties;
	}

	/**
	 * Deletes records older than the retention now, as the schedule does.
	 * @return how many were deleted
	 */
	public long purge() {
		return purgeInBatches().rows();
	}

	BatchedDelete.Purged purgeInBatches() {
		BatchedDelete.Purged purged = this.delete.olderThan(this.properties.retention(), this.properties.batchSize(),
				this.properties.maxBatches());
		if (purged.rows() > 0) {
			logger.info("Deleted {} rows of {} older than {} ({} batches)", purged.rows(), this.delete,
					this.properties.retention(), purged.batches());
		}
		return purged;
	}

	private void purgeQuietly() {
		try {
			purge();
		}
		catch (RuntimeException ex) {
			logger.warn("Purging {} failed, next try in {}: {}", this.delete, this.properties.interval(),
					ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dedupe-retention").daemon().factory());
		long interval = this.properties.interval().toMillis();
		// Not at start-up: a fleet restarting at once would purge at once.
		this.scheduler.scheduleWithFixedDelay(this::purgeQuietly, Math.min(interval, Duration.ofMinutes(1).toMillis()),
				interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
