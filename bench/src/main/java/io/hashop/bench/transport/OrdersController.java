package io.hashop.bench.transport;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server side of the Feign arm, as payment-service's controller: the sample page as
 * JSON, for a caller with a bearer token (required, not verified, as on the gRPC arm).
 */
@RestController
class OrdersController {

	@GetMapping("/orders")
	OrderPage listOrders(@RequestHeader("Authorization") String authorization, @RequestParam("limit") int limit) {
		return SampleOrders.json();
	}

}
