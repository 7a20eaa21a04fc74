package io.hashop.platform.identity;

/**
 * A call without a valid internal token: missing, malformed, badly signed, expired or
 * addressed to another service. HTTP answers 401, gRPC {@code UNAUTHENTICATED}.
 */
public class InvalidInternalTokenException extends RuntimeException {

	public InvalidInternalTokenException(String message) {
		super(message);
	}

	public InvalidInternalTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
