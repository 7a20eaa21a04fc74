package io.hashop.bench.transport;

import feign.Request;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client side of the Feign arm, declared as the BFF declares PaymentServiceClient: a
 * token and a timeout per call.
 */
interface OrdersHttpClient {

	@GetMapping("/orders")
	OrderPage listOrders(@RequestHeader("Authorization") String authorization, @RequestParam("limit") int limit,
			Request.Options options);

}
