package io.hashop.payment.payment;

import java.time.Instant;
import java.util.UUID;

/** The one payment of an order. */
record Payment(UUID id, UUID orderId, UUID userId, long amountCents, String currency, PaymentStatus status,
		String providerReference, String declineReason, Instant createdAt) {

}
