package io.hashop.bff.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A payment as the public API shows it. */
public record PaymentResponse(String id, String orderId, long amountCents, String currency,
		@Schema(example = "SUCCEEDED") String status, @Schema(types = {
				"string", "null" },
				description = "Why the provider declined; null unless declined.") String declineReason,
		Instant createdAt){

	static PaymentResponse of(PaymentServiceClient.Payment payment) {
		return new PaymentResponse(payment.id().toString(), payment.orderId().toString(), payment.amountCents(),
				payment.currency(), payment.status(), payment.declineReason(), payment.createdAt());
	}

}
