package io.hashop.platform.error;

/**
 * One invalid field of a request.
 *
 * @param field the field's path, for example {@code items[2].quantity}
 * @param message what is wrong with it, safe to show to the caller
 */
public record FieldViolation(String field, String message) {
}
