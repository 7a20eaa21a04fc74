package io.hashop.launcher.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;

/**
 * When the supervisor restarts an instance that exited on its own, as systemd's
 * {@code Restart=always} with {@code StartLimitBurst}/{@code StartLimitIntervalSec} or
 * PM2's exponential backoff do.
 *
 * @param initialBackoff the wait before the first restart of a run of crashes
 * @param maxBackoff the cap of the doubling wait
 * @param crashLoopRestarts this many restarts within {@code crashLoopWindow} is a crash
 * loop: the supervisor gives up on the instance
 * @param crashLoopWindow the window of the crash-loop count; an instance that stayed up
 * this long starts again from {@code initialBackoff}
 */
public record RestartPolicy(Duration initialBackoff, Duration maxBackoff, int crashLoopRestarts,
		Duration crashLoopWindow) {

	public RestartPolicy {
		if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || crashLoopRestarts < 1
				|| crashLoopWindow.isZero() || crashLoopWindow.isNegative()) {
			throw new IllegalArgumentException("Inconsistent restart policy");
		}
	}

	/** 1 s doubling up to 30 s; 5 restarts within 2 minutes is a crash loop. */
	public static RestartPolicy standard() {
		return new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(2));
	}

	/**
	 * The wait before the next restart.
	 * @param recentRestarts restarts within the window so far (0 for the first)
	 */
	Duration backoff(int recentRestarts) {
		Duration wait = this.initialBackoff;
		for (int i = 0; i < recentRestarts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

	/**
	 * Drops restarts older than the window from {@code restarts} (oldest first) and tells
	 * whether one more would make a crash loop.
	 */
	boolean isCrashLoop(Deque<Instant> restarts, Instant now) {
		Instant windowStart = now.minus(this.crashLoopWindow);
		while (!restarts.isEmpty() && restarts.peekFirst().isBefore(windowStart)) {
			restarts.pollFirst();
		}
		return restarts.size() >= this.crashLoopRestarts;
	}

}
