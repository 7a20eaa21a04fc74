package io.hashop.gateway.canary;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls the canary back when its share of 5xx answers over the window passes the
 * threshold: from then on every session goes to the stable pool, until the gateway
 * restarts with a new canary. Counts per second in a ring of buckets, so recording costs
 * two atomic increments and no allocation.
 */
class CanaryGuard {

	private static final Logger logger = LoggerFactory.getLogger(CanaryGuard.class);

	private final CanaryProperties properties;

	private final Clock clock;

	private final int buckets;

	/** Per bucket: the second it counts (index 3i), requests (3i+1), 5xx (3i+2). */
	private final AtomicLongArray counts;

	private final AtomicBoolean rolledBack = new AtomicBoolean();

	CanaryGuard(CanaryProperties properties, Clock clock, MeterRegistry meters) {
		this.properties = properties;
		this.clock = clock;
		this.buckets = (int) Math.max(1, properties.rollbackWindow().toSeconds());
		this.counts = new AtomicLongArray(3 * this.buckets);
		Gauge.builder("hashop.gateway.canary.rolled.back", this.rolledBack, (flag) -> flag.get() ? 1 : 0)
			.description("1 once the gateway has rolled the canary back for its 5xx ratio")
			.register(meters);
	}

	boolean rolledBack() {
		return this.rolledBack.get();
	}

	/** Counts one answer of the canary pool and rolls back when the window says so. */
	void record(boolean serverError) {
		long second = this.clock.millis() / 1000;
		int bucket = (int) (second % this.buckets) * 3;
		long counted = this.counts.get(bucket);
		if (counted != second && this.counts.compareAndSet(bucket, counted, second)) {
			this.counts.set(bucket + 1, 0);
			this.counts.set(bucket + 2, 0);
		}
		this.counts.incrementAndGet(bucket + 1);
		if (serverError) {
			this.counts.incrementAndGet(bucket + 2);
			check(second);
		}
	}

	private void check(long now) {
		long requests = 0;
		long errors = 0;
		for (int i = 0; i < this.buckets; i++) {
			if (now - this.counts.get(3 * i) < this.buckets) {
				requests += this.counts.get(3 * i + 1);
				errors += this.counts.get(3 * i + 2);
			}
		}
		if (requests >= this.properties.rollbackMinRequests() && errors > this.properties.rollback5xxRatio() * requests
				&& this.rolledBack.compareAndSet(false, true)) {
			logger.error(
					"Canary rolled back: {} of its last {} answers were 5xx (threshold {} over {}); every session now goes to the stable pool",
					errors, requests, this.properties.rollback5xxRatio(), this.properties.rollbackWindow());
		}
	}

}
