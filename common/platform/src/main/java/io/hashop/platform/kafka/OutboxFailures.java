package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;

/** How the relay judges and records a failed attempt to publish an outbox entry. */
final class OutboxFailures {

	private OutboxFailures() {
	}

	/**
	 * A failure that says nothing about the entry itself: the broker or the network is
	 * away (Kafka's retriable errors, a wait that timed out).
	 */
	static boolean isTransient(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof RetriableException || cause instanceof TimeoutException
					|| cause instanceof InterruptException) {
				return true;
			}
		}
		return false;
	}

	/** The innermost cause, as {@code last_error} keeps it. */
	static String describe(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getClass().getName() + ": " + root.getMessage();
		return (root == error) ? message : message + " (in " + error.getClass().getSimpleName() + ")";
	}

	/** {@code first}, doubled for each attempt after the first, at most {@code max}. */
	static Duration backOff(int attempts, Duration first, Duration max) {
		Duration wait = first;
		for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(max) <= 0) ? wait : max;
	}

}
