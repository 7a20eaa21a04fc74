package io.hashop.platform.kafka;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings of the platform; the connection itself is {@code spring.kafka.*} (env
 * {@code KAFKA_BOOTSTRAP_SERVERS}).
 *
 * @param topics how the topics a service declares are created
 * @param retry how a failed record is retried before it is dead-lettered
 * @param outbox the transactional outbox relay
 * @param dedupe the retention of the consumers' dedupe records
 */
@Validated
@ConfigurationProperties("platform.kafka")
public record KafkaPlatformProperties(@DefaultValue @Valid Topics topics, @DefaultValue @Valid Retry retry,
		@DefaultValue @Valid Outbox outbox, @DefaultValue @Valid Dedupe dedupe) {

	/**
	 * Topic creation.
	 *
	 * @param partitions the partitions of each topic: the most consumer instances of a
	 * group that can share the work
	 * @param replicationFactor the replicas of each partition (1 locally, 3 in
	 * production)
	 */
	public record Topics(@DefaultValue("3") @Min(1) int partitions,
			@DefaultValue("1") @Min(1) short replicationFactor) {

	}

	/**
	 * Consumer retries.
	 *
	 * @param attempts retries of an unexpected failure before the record is dead-lettered
	 * @param initialInterval the first back-off
	 * @param maxInterval the longest back-off, also for transient failures, which are
	 * retried until they succeed
	 */
	public record Retry(@DefaultValue("3") @Min(0) int attempts,
			@DefaultValue("200ms") @NotNull Duration initialInterval,
			@DefaultValue("5s") @NotNull Duration maxInterval) {

	}

	/**
	 * The outbox relay, for services with an {@code outbox} table.
	 *
	 * @param enabled whether this service relays an outbox
	 * @param pollInterval how often the relay looks for entries when nothing woke it up
	 * @param batchSize the most entries leased and published at once
	 * @param sendTimeout how long the relay waits for the broker's acknowledgements
	 * @param retention how long sent entries are kept before they are deleted (in batches
	 * of {@code cleanupBatchSize}); parked entries are never deleted
	 * @param haltAfterPublish fault injection for tests only: halt the JVM after the
	 * broker acknowledged a batch and before it is marked sent, as a crash at the worst
	 * moment
	 * @param maxAttempts failed attempts of one entry after which it is parked: never
	 * retried automatically, counted in {@code hashop.outbox.parked}, re-queued by an
	 * operator. A broker outage counts no attempts.
	 * @param retryBackoff the wait after an entry's first failed attempt, doubled after
	 * each further one
	 * @param maxRetryBackoff the longest wait between two attempts of one entry
	 * @param cleanupBatchSize the most sent entries deleted in one statement
	 */
	public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("200ms") @NotNull Duration pollInterval,
			@DefaultValue("100") @Min(1) int batchSize, @DefaultValue("30s") @NotNull Duration sendTimeout,
			@DefaultValue("7d") @NotNull Duration retention, @DefaultValue("false") boolean haltAfterPublish,
			@DefaultValue("10") @Min(1) int maxAttempts, @DefaultValue("1s") @NotNull Duration retryBackoff,
			@DefaultValue("5m") @NotNull Duration maxRetryBackoff, @DefaultValue("1000") @Min(1) int cleanupBatchSize) {

	}

	/**
	 * Retention of a consumer's dedupe records (ADR 6), for services that keep them: rows
	 * older than {@code retention} are deleted in batches. The retention must exceed the
	 * longest time a record can still be (re)delivered: the topic's {@code retention.ms}
	 * plus one {@code segment.ms} (Kafka deletes whole segments), 7 + 7 days with Kafka's
	 * defaults, which the platform's topics keep.
	 *
	 * @param table the dedupe table, e.g. {@code processed_events}; none by default
	 * @param timeColumn its indexed column holding when a record was written
	 * @param retention how long a dedupe record is kept
	 * @param batchSize the most rows deleted in one statement
	 * @param maxBatches the most statements of one purge
	 * @param interval the time between two purges
	 */
	public record Dedupe(@Pattern(regexp = "[a-z_][a-z0-9_]{0,62}") String table,
			@DefaultValue("processed_at") @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}") String timeColumn,
			@DefaultValue("15d") @NotNull Duration retention, @DefaultValue("1000") @Min(1) int batchSize,
			@DefaultValue("100") @Min(1) int maxBatches, @DefaultValue("10m") @NotNull Duration interval) {

	}

}
