package io.hashop.gateway.canary;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Requests, their outcome and latency per BFF pool
 * ({@code hashop.gateway.pool.requests{pool,outcome}}), the figures a canary is judged
 * by. Every timer is registered up front, so recording looks nothing up.
 */
class PoolMetrics {

	private static final String[] OUTCOMES = { "1xx", "1xx", "2xx", "3xx", "4xx", "5xx" };

	private final Map<Pool, Timer[]> timers = new EnumMap<>(Pool.class);

	PoolMetrics(MeterRegistry meters) {
		for (Pool pool : Pool.values()) {
			Timer[] byClass = new Timer[OUTCOMES.length];
			for (int i = 1; i < OUTCOMES.length; i++) {
				byClass[i] = Timer.builder("hashop.gateway.pool.requests")
					.description("Requests routed to a BFF pool, by the status class of the answer")
					.tag("pool", pool.label())
					.tag("outcome", OUTCOMES[i])
					.register(meters);
			}
			this.timers.put(pool, byClass);
		}
	}

	void record(Pool pool, int status, long nanos) {
		int statusClass = Math.clamp(status / 100, 1, OUTCOMES.length - 1);
		this.timers.get(pool)[statusClass].record(nanos, TimeUnit.NANOSECONDS);
	}

}
