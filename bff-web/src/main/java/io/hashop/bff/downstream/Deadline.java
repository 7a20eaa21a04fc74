package io.hashop.bff.downstream;

import java.time.Duration;

/**
 * A point in time by which a piece of work must be done, immune to wall-clock changes.
 */
public record Deadline(long nanoTime) {

	public static Deadline after(Duration budget) {
		return new Deadline(System.nanoTime() + budget.toNanos());
	}

	public Duration remaining() {
		return Duration.ofNanos(Math.max(0, this.nanoTime - System.nanoTime()));
	}

	/** The earlier of this deadline and one {@code timeout} from now. */
	public Duration remainingOrAtMost(Duration timeout) {
		Duration remaining = remaining();
		return (remaining.compareTo(timeout) < 0) ? remaining : timeout;
	}

}
