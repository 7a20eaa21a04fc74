package io.hashop.order.order;

import java.util.Collection;

/** Why an order could not be placed or read. */
final class OrderExceptions {

	private OrderExceptions() {
	}

	/** The idempotency key was used before for a different request. */
	static class IdempotencyKeyReusedException extends RuntimeException {

		IdempotencyKeyReusedException() {
			super("This Idempotency-Key was already used for a different order");
		}

	}

	/** The order names products the catalog does not have. */
	static class UnknownProductException extends RuntimeException {

		UnknownProductException(Collection<Long> productIds) {
			super("Unknown product(s): " + productIds);
		}

	}

	/** The order mixes products priced in different currencies. */
	static class MixedCurrenciesException extends RuntimeException {

		MixedCurrenciesException() {
			super("All products of an order must be priced in one currency");
		}

	}

	/** No order of the caller has this id. */
	static class OrderNotFoundException extends RuntimeException {

		OrderNotFoundException() {
			super("Order not found");
		}

	}

}
