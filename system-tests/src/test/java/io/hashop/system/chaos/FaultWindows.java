package io.hashop.system.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What each fault did to the clients. A fault's window runs from its start to
 * {@link #AFTER_FAULT} after its end, or to the next fault's start if that comes first; a
 * request belongs to the window in which it was sent.
 */
final class FaultWindows {

	static final Duration AFTER_FAULT = Duration.ofSeconds(30);

	/** The width of the sliding window of the recovery measure. */
	static final Duration SLIDE = Duration.ofSeconds(2);

	static final Duration STEP = Duration.ofMillis(250);

	static final double HEALTHY_SHARE = 0.95;

	private FaultWindows() {
	}

	static List<FaultImpact> impacts(List<Fault> faults, List<Exchange> history) {
		List<Fault> sorted = faults.stream().sorted(Comparator.comparingLong(Fault::startNanos)).toList();
		long[] starts = history.stream().mapToLong(Exchange::startNanos).sorted().toArray();
		long trafficEnd = (starts.length == 0) ? 0 : starts[starts.length - 1];
		List<FaultImpact> impacts = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Fault fault = sorted.get(i);
			long end = fault.endNanos() + AFTER_FAULT.toNanos();
			if (i + 1 < sorted.size()) {
				end = Math.min(end, sorted.get(i + 1).startNanos());
			}
			long from = fault.startNanos();
			long to = end;
			List<Exchange> inWindow = history.stream()
				.filter((exchange) -> exchange.startNanos() >= from && exchange.startNanos() < to)
				.toList();
			impacts.add(new FaultImpact(fault, from, to, Availability.of(inWindow),
					recovery(from, to, inWindow, trafficEnd)));
		}
		return impacts;
	}

	/** The requests sent in any fault's window. */
	static Availability duringFaults(List<FaultImpact> impacts, List<Exchange> history) {
		return Availability.of(history.stream()
			.filter((exchange) -> impacts.stream()
				.anyMatch((impact) -> exchange.startNanos() >= impact.windowStartNanos()
						&& exchange.startNanos() < impact.windowEndNanos()))
			.toList());
	}

	/**
	 * The time from the fault's start to the end of the last {@link #SLIDE} window (slid
	 * by {@link #STEP}) in which fewer than 95 % of the requests sent were available; a
	 * window without requests while the traffic ran counts as unhealthy, since the
	 * clients were all waiting. Zero when no window was unhealthy; empty when the fault
	 * window ended unhealthy (not recovered within it).
	 */
	static Optional<Duration> recovery(long from, long to, List<Exchange> inWindow, long trafficEnd) {
		long width = Math.min(SLIDE.toNanos(), to - from);
		if (width <= 0) {
			return Optional.empty();
		}
		List<Exchange> byStart = inWindow.stream().sorted(Comparator.comparingLong(Exchange::startNanos)).toList();
		long lastUnhealthyEnd = from;
		boolean healthy = true;
		for (long t = from; t + width <= to; t += STEP.toNanos()) {
			long windowStart = t;
			long windowEnd = t + width;
			List<Exchange> sent = byStart.stream()
				.filter((exchange) -> exchange.startNanos() >= windowStart && exchange.startNanos() < windowEnd)
				.toList();
			healthy = sent.isEmpty() ? windowEnd > trafficEnd : Availability.of(sent).share() >= HEALTHY_SHARE;
			if (!healthy) {
				lastUnhealthyEnd = windowEnd;
			}
		}
		return healthy ? Optional.of(Duration.ofNanos(lastUnhealthyEnd - from)) : Optional.empty();
	}

	/**
	 * One fault and its effect.
	 *
	 * @param fault the fault
	 * @param windowStartNanos its window's start (the fault's start)
	 * @param windowEndNanos its window's end
	 * @param availability the requests sent in the window
	 * @param recovery see {@link FaultWindows#recovery}
	 */
	record FaultImpact(Fault fault, long windowStartNanos, long windowEndNanos, Availability availability,
			Optional<Duration> recovery) {

	}

}
