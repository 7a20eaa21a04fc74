package io.hashop.gateway.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A request the gateway refuses before the BFF is bothered: answered as problem+json with
 * the given status, detail and, where the client may try again later,
 * {@code Retry-After}. Carries no stack trace: it is an expected outcome, not a fault.
 */
public class EdgeRejectionException extends RuntimeException {

	private final HttpStatus status;

	private final @Nullable Duration retryAfter;

	public EdgeRejectionException(HttpStatus status, String detail, @Nullable Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public EdgeRejectionException(HttpStatus status, String detail) {
		this(status, detail, null);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String detail() {
		return getMessage();
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
