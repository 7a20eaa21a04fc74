package io.hashop.payment.payment;

import java.util.UUID;

import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InvalidInternalTokenException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads payments for the user named by the internal token; another user's payment is
 * indistinguishable from a missing one.
 */
@RestController
@RequestMapping("/payments")
class PaymentController {

	private final PaymentRepository payments;

	PaymentController(PaymentRepository payments) {
		this.payments = payments;
	}

	@GetMapping("/orders/{orderId}")
	PaymentResponse byOrder(CallerIdentity caller, @PathVariable UUID orderId) {
		return this.payments.findByOrderAndUser(orderId, userId(caller))
			.map(PaymentResponse::of)
			.orElseThrow(PaymentNotFoundException::new);
	}

	@GetMapping
	PaymentListResponse recent(CallerIdentity caller, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return new PaymentListResponse(
				this.payments.findRecentByUser(userId(caller), limit).stream().map(PaymentResponse::of).toList());
	}

	@ExceptionHandler(PaymentNotFoundException.class)
	ProblemDetail notFound() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Payment not found.");
	}

	private static UUID userId(CallerIdentity caller) {
		return caller.user()
			.map(UUID::fromString)
			.orElseThrow(() -> new InvalidInternalTokenException("Payments need a token naming a user"));
	}

	static class PaymentNotFoundException extends RuntimeException {

	}

}
