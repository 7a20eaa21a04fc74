package io.hashop.system.chaos;

import java.time.Duration;
import java.util.Collection;

/**
 * How a set of requests fared.
 *
 * @param requests how many were sent
 * @param available how many got an answer below 500
 * @param p99 the 99th percentile of their latencies (nearest rank), failures included
 * with the time the client waited for them
 */
record Availability(long requests, long available, Duration p99) {

	static Availability of(Collection<Exchange> exchanges) {
		long[] latencies = exchanges.stream().mapToLong(Exchange::latencyNanos).sorted().toArray();
		long available = exchanges.stream().filter(Exchange::isAvailable).count();
		Duration p99 = (latencies.length == 0) ? Duration.ZERO
				: Duration.ofNanos(latencies[(int) Math.ceil(0.99 * latencies.length) - 1]);
		return new Availability(latencies.length, available, p99);
	}

	/** The share available, 1 when there were no requests. */
	double share() {
		return (this.requests == 0) ? 1.0 : (double) this.available / this.requests;
	}

}
