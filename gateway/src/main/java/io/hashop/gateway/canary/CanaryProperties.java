package io.hashop.gateway.canary;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The canary BFF pool and its automatic rollback.
 *
 * @param instances the canary pool's base URLs ({@code BFF_CANARY_URLS}, comma-separated,
 * as {@code BFF_URLS}); empty: no canary
 * @param weight the percentage of new sessions sent to the canary, 0-100
 * ({@code CANARY_WEIGHT})
 * @param rollback5xxRatio the canary's share of 5xx answers that rolls it back
 * @param rollbackWindow over how long that share is measured
 * @param rollbackMinRequests how many canary requests the window needs before it can
 * decide
 */
@Validated
@ConfigurationProperties("hashop.gateway.canary")
public record CanaryProperties(@DefaultValue List<String> instances, @DefaultValue("0") @Min(0) @Max(100) int weight,
		@DefaultValue("0.05") @DecimalMin("0.0") @DecimalMax("1.0") double rollback5xxRatio,
		@DefaultValue("1m") @NotNull Duration rollbackWindow, @DefaultValue("20") @Min(1) int rollbackMinRequests) {

	public CanaryProperties {
		instances = instances.stream().map(String::trim).filter((url) -> !url.isEmpty()).toList();
		if (weight > 0 && instances.isEmpty()) {
			throw new IllegalArgumentException(
					"CANARY_WEIGHT is " + weight + " but BFF_CANARY_URLS names no canary instance");
		}
	}

	/** Whether a canary pool is configured at all. */
	public boolean enabled() {
		return !this.instances.isEmpty();
	}

}
