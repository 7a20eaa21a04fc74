package io.hashop.bff.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import feign.Request;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * payment-service's REST API as the BFF sees it (the records re-declare the provider's
 * responses). Every call carries its own internal token and timeout, and goes to one of
 * the instances the load balancer offers ({@link PaymentServiceProperties}).
 */
@FeignClient(name = PaymentServiceProperties.SERVICE_ID)
interface PaymentServiceClient {

	@GetMapping("/payments")
	PaymentList recent(@RequestHeader("Authorization") String authorization, @RequestParam("limit") int limit,
			Request.Options options);

	/** payment-service's list of payments. */
	record PaymentList(List<Payment> items) {

	}

	/** One payment, as payment-service answers it. */
	record Payment(UUID id, UUID orderId, long amountCents, String currency, String status, String declineReason,
			Instant createdAt) {

	}

}
