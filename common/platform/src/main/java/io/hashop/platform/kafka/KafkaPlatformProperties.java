package io.hashop.platform.kafka;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

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
 */
@Validated
@ConfigurationProperties("platform.kafka")
public record KafkaPlatformProperties(@DefaultValue @Valid Topics topics, @DefaultValue @Valid Retry retry,
		@DefaultValue @Valid Outbox outbox) {

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
	 * @param retention how long sent entries are kept before they are deleted
	 * @param haltAfterPublish fault injection for tests only: halt the JVM after the
	 * broker acknowledged a batch and before it is marked sent, as a crash at the worst
	 * moment
	 */
	public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("200ms") @NotNull Duration pollInterval,
			@DefaultValue("100") @Min(1) int batchSize, @DefaultValue("30s") @NotNull Duration sendTimeout,
			@DefaultValue("7d") @NotNull Duration retention, @DefaultValue("false") boolean haltAfterPublish) {

	}

}
