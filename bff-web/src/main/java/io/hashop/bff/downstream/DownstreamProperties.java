package io.hashop.bff.downstream;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The budget table: how long the BFF may spend on a request and on each downstream call,
 * and how each downstream is protected.
 *
 * @param requestBudget the most one API request may spend on downstream calls
 * @param services the protection of each downstream, by name
 * @param guardsEnabled {@code false} only to measure what the guards cost (benchmark S5):
 * calls then go out with their timeout but without bulkhead, breaker or retry
 */
@Validated
@ConfigurationProperties("hashop.bff.downstream")
public record DownstreamProperties(@DefaultValue("2500ms") @NotNull Duration requestBudget,
		@NotEmpty Map<String, @Valid Service> services, @DefaultValue("true") boolean guardsEnabled) {

	/**
	 * The protection of one downstream.
	 *
	 * @param timeout the most one call (one attempt) may take
	 * @param maxAttempts attempts of an idempotent read, first included; writes get one
	 * @param retryBackoff the first backoff between attempts, randomised by half and
	 * doubled each time
	 * @param maxConcurrentCalls the bulkhead: calls in flight at once; more are refused
	 * at once
	 * @param failureRateThreshold percentage of failed calls that opens the breaker
	 * @param slidingWindowSize calls the failure rate is computed over
	 * @param minimumNumberOfCalls calls needed before the breaker may open
	 * @param openDuration how long an open breaker refuses calls before probing again
	 */
	public record Service(@DefaultValue("800ms") @NotNull Duration timeout,
			@DefaultValue("2") @Min(1) @Max(5) int maxAttempts, @DefaultValue("50ms") @NotNull Duration retryBackoff,
			@DefaultValue("64") @Min(1) int maxConcurrentCalls,
			@DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
			@DefaultValue("20") @Min(1) int slidingWindowSize, @DefaultValue("10") @Min(1) int minimumNumberOfCalls,
			@DefaultValue("10s") @NotNull Duration openDuration) {

	}

}
