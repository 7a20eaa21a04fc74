package io.hashop.system.chaos;

import java.time.Instant;

/**
 * A fault that happened.
 *
 * @param kind what it did
 * @param target the instance killed ({@code order-service-2}) or the server restarted
 * @param startNanos when the action began, on the run's clock
 * @param endNanos when the action finished: the kill returned with the process dead, or
 * the restarted server was up again
 * @param startedAt the wall-clock time it began
 * @param endedAt the wall-clock time it finished
 * @param note what went wrong with the action itself, else empty
 */
record Fault(FaultKind kind, String target, long startNanos, long endNanos, Instant startedAt, Instant endedAt,
		String note) {

	long durationNanos() {
		return this.endNanos - this.startNanos;
	}

}
