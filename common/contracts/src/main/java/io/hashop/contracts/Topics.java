package io.hashop.contracts;

/**
 * The Kafka topics of the platform, one place for their names. Every record is keyed by
 * the order id and carries its event type in the {@code event-type} header.
 */
public final class Topics {

	/** {@code OrderPlacedEvent}s, published by order-service through its outbox. */
	public static final String ORDERS = "orders.v1";

	/**
	 * {@code PaymentAuthorizedEvent}s and {@code PaymentDeclinedEvent}s, published by
	 * payment-service through its outbox.
	 */
	public static final String PAYMENTS = "payments.v1";

	private Topics() {
	}

}
