package io.hashop.payment.provider;

/**
 * The provider did not answer; the charge may be retried with the same idempotency key.
 */
public class ProviderUnavailableException extends RuntimeException {

	public ProviderUnavailableException(String message) {
		super(message);
	}

}
