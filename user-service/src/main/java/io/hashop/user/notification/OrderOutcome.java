package io.hashop.user.notification;

import java.util.UUID;

/**
 * What a payment event tells a user about an order.
 *
 * @param orderId the order
 * @param userId its owner
 * @param paid whether it was paid, else its payment failed
 * @param amountCents the amount in minor units
 * @param currency its currency
 */
record OrderOutcome(UUID orderId, UUID userId, boolean paid, long amountCents, String currency) {

	/** The name of the outcome, as the order shows it. */
	String name() {
		return this.paid ? "PAID" : "PAYMENT_FAILED";
	}

	/** Identifies the e-mail: equal for every delivery of this outcome. */
	String notificationId() {
		return this.orderId + "/" + name();
	}

}
