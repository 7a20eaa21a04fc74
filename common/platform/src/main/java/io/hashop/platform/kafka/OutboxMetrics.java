package io.hashop.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox in figures, refreshed by the relay every few seconds and tagged with the
 * service like every metric: {@code hashop_outbox_backlog} (entries waiting),
 * {@code hashop_outbox_oldest_unsent_age_seconds}, {@code hashop_outbox_parked} (entries
 * that failed too often and wait for an operator) and
 * {@code hashop_outbox_publish_failures_total{result="retry|parked"}}.
 */
public class OutboxMetrics implements MeterBinder {

	private volatile OutboxTable.Stats stats = OutboxTable.Stats.NONE;

	private volatile Counter retried;

	private volatile Counter parked;

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("hashop.outbox.backlog", this, (metrics) -> metrics.stats.backlog())
			.description("Outbox entries waiting to be published (neither sent nor parked)")
			.register(registry);
		Gauge.builder("hashop.outbox.oldest.unsent.age", this, (metrics) -> metrics.stats.oldestUnsentAgeSeconds())
			.description("Age of the oldest outbox entry waiting to be published")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("hashop.outbox.parked", this, (metrics) -> metrics.stats.parked())
			.description("Outbox entries parked after too many failed attempts, waiting for an operator")
			.register(registry);
		this.retried = failures(registry, "retry");
		this.parked = failures(registry, "parked");
	}

	private static Counter failures(MeterRegistry registry, String result) {
		return Counter.builder("hashop.outbox.publish.failures")
			.description("Failed attempts to publish one outbox entry, by what happens next")
			.tag("result", result)
			.register(registry);
	}

	void update(OutboxTable.Stats stats) {
		this.stats = stats;
	}

	OutboxTable.Stats stats() {
		return this.stats;
	}

	void failed(boolean parkedNow) {
		Counter counter = parkedNow ? this.parked : this.retried;
		if (counter != null) {
			counter.increment();
		}
	}

}
