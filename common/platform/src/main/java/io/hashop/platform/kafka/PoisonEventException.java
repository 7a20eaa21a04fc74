package io.hashop.platform.kafka;

/**
 * A record that can never be processed (no or an unknown event type, bytes that are not
 * the announced message, missing fields): it goes to the dead-letter topic at once,
 * without retries, so that it never blocks its partition.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
