package io.hashop.bff.payment;

import java.time.Instant;

/** A payment as the public API shows it. */
public record PaymentResponse(String id, String orderId, long amountCents, String currency, String status,
		String declineReason, Instant createdAt) {

	static PaymentResponse of(PaymentServiceClient.Payment payment) {
		return new PaymentResponse(payment.id().toString(), payment.orderId().toString(), payment.amountCents(),
				payment.currency(), payment.status(), payment.declineReason(), payment.createdAt());
	}

}
