package io.hashop.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.ServiceInstance;

/**
 * Passive ejection: an instance that refused a connection is skipped for a while, so the
 * retry of a read goes elsewhere and the next requests do not try it again before the
 * health check notices. If every instance is ejected, all are offered again: ejection
 * alone never turns the gateway away from an instance that may have recovered.
 */
class InstanceEjections {

	private static final Logger logger = LoggerFactory.getLogger(InstanceEjections.class);

	private final Map<String, Long> ejectedUntil = new ConcurrentHashMap<>();

	private final Duration period;

	private final Clock clock;

	InstanceEjections(Duration period, Clock clock) {
		this.period = period;
		this.clock = clock;
	}

	void eject(ServiceInstance instance) {
		if (this.period.isZero()) {
			return;
		}
		Long previous = this.ejectedUntil.put(instance.getInstanceId(), this.clock.millis() + this.period.toMillis());
		if (previous == null || previous < this.clock.millis()) {
			logger.warn("BFF instance {} refused a connection; skipping it for {}", instance.getInstanceId(),
					this.period);
		}
	}

	/**
	 * The instances not ejected, in a stable order; all of them if every one is ejected.
	 */
	List<ServiceInstance> available(List<ServiceInstance> instances) {
		long now = this.clock.millis();
		List<ServiceInstance> sorted = instances.stream()
			.sorted(Comparator.comparing(ServiceInstance::getInstanceId))
			.toList();
		List<ServiceInstance> available = sorted.stream()
			.filter((instance) -> this.ejectedUntil.getOrDefault(instance.getInstanceId(), 0L) <= now)
			.toList();
		return available.isEmpty() ? sorted : available;
	}

}
