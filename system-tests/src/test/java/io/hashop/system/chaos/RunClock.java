package io.hashop.system.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * The run's clock: monotonic nanoseconds since the run began, so that a wall-clock jump
 * cannot bend a latency or a fault window, next to wall-clock instants for the report.
 */
final class RunClock {

	private final long origin = System.nanoTime();

	private final Instant startedAt = Instant.now();

	long nanos() {
		return System.nanoTime() - this.origin;
	}

	Instant wall() {
		return Instant.now();
	}

	Instant startedAt() {
		return this.startedAt;
	}

	Duration elapsed() {
		return Duration.ofNanos(nanos());
	}

}
