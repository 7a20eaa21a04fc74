package io.hashop.platform.kafka;

/**
 * Processing failed for a reason that passes (a provider or SMTP server unavailable): the
 * record is retried with capped exponential back-off until it succeeds, never
 * dead-lettered. The effect must therefore be idempotent, which the consumers' dedupe
 * records guarantee.
 */
public class RetryableEventException extends RuntimeException {

	public RetryableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
