package io.hashop.payment.payment;

import java.time.Instant;
import java.util.UUID;

/** A payment as the REST API shows it. */
record PaymentResponse(UUID id, UUID orderId, long amountCents, String currency, String status, String declineReason,
		Instant createdAt) {

	static PaymentResponse of(Payment payment) {
		return new PaymentResponse(payment.id(), payment.orderId(), payment.amountCents(), payment.currency(),
				payment.status().name(), payment.declineReason(), payment.createdAt());
	}

}
