package io.hashop.platform.error;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Validates a request record with Bean Validation and throws
 * {@link InvalidRequestException} listing every violation, sorted by field, so callers
 * see all problems at once.
 */
public class RequestValidator {

	private final Validator validator;

	public RequestValidator(Validator validator) {
		this.validator = validator;
	}

	public <T> T validate(T request) {
		List<FieldViolation> violations = this.validator.validate(request)
			.stream()
			.map(RequestValidator::toFieldViolation)
			.sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
			.toList();
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return request;
	}

	private static FieldViolation toFieldViolation(ConstraintViolation<?> violation) {
		return new FieldViolation(violation.getPropertyPath().toString(), violation.getMessage());
	}

}
