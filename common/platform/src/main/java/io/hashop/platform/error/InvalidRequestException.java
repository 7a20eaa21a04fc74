package io.hashop.platform.error;

import java.util.List;

/**
 * A request that fails validation. HTTP answers 400 and gRPC answers
 * {@code INVALID_ARGUMENT}, both listing the violations.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidRequestException(List<FieldViolation> violations) {
		super("Invalid request: " + violations);
		this.violations = List.copyOf(violations);
	}

	public static InvalidRequestException of(String field, String message) {
		return new InvalidRequestException(List.of(new FieldViolation(field, message)));
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}
