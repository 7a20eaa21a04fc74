package io.hashop.bff.downstream;

import java.util.Map;
import java.util.TreeMap;

import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** One {@link DownstreamGuard} per configured downstream, with its metrics registered. */
@Component
public class DownstreamGuards {

	private final Map<String, DownstreamGuard> guards = new TreeMap<>();

	private final DownstreamProperties properties;

	DownstreamGuards(DownstreamProperties properties, MeterRegistry meters) {
		this.properties = properties;
		DownstreamGuard.Registries registries = new DownstreamGuard.Registries(CircuitBreakerRegistry.ofDefaults(),
				BulkheadRegistry.ofDefaults(), RetryRegistry.ofDefaults());
		properties.services()
			.forEach((name, config) -> this.guards.put(name,
					new DownstreamGuard(name, config, registries, properties.guardsEnabled())));
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registries.breakers()).bindTo(meters);
		TaggedBulkheadMetrics.ofBulkheadRegistry(registries.bulkheads()).bindTo(meters);
		TaggedRetryMetrics.ofRetryRegistry(registries.retries()).bindTo(meters);
	}

	public DownstreamGuard forService(String name) {
		DownstreamGuard guard = this.guards.get(name);
		if (guard == null) {
			throw new IllegalStateException("No budget configured for downstream " + name);
		}
		return guard;
	}

	/** A deadline for one API request, from the budget table. */
	public Deadline newRequestDeadline() {
		return Deadline.after(this.properties.requestBudget());
	}

}
