package io.hashop.contracts;

/**
 * The rule for a client's idempotency key, one place for it: the BFF checks the
 * {@code Idempotency-Key} header with it, order-service checks
 * {@code PlaceOrderRequest.idempotency_key} with it again.
 */
public final class IdempotencyKeys {

	/**
	 * 1-64 characters of {@code A-Z}, {@code a-z}, {@code 0-9}, {@code _} and {@code -}.
	 */
	public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";

	/** What a key that breaks the rule is told. */
	public static final String MESSAGE = "must be 1-64 characters of A-Z, a-z, 0-9, _ and -";

	private IdempotencyKeys() {
	}

}
