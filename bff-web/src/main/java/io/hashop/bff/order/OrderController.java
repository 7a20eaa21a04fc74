package io.hashop.bff.order;

import java.util.UUID;

import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.security.SignedInUser;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.PlaceOrderResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's orders. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	/**
	 * Marks a response that replays the order an earlier request with the same key
	 * created.
	 */
	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	/**
	 * What a cursor can look like: order-service issues unpadded base64url. Anything else
	 * is the client's error, answered here without spending a call (and a bulkhead
	 * permit) on order-service, which checks the rest.
	 */
	static final String CURSOR = "[A-Za-z0-9_-]{0,200}";

	private final OrderClient orders;

	private final DownstreamGuards guards;

	OrderController(OrderClient orders, DownstreamGuards guards) {
		this.orders = orders;
		this.guards = guards;
	}

	@PostMapping
	ResponseEntity<OrderResponse> place(@AuthenticationPrincipal SignedInUser user,
			@RequestHeader("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
					message = "must be 1-64 characters of A-Z, a-z, 0-9, _ and -") String idempotencyKey,
			@Valid @RequestBody PlaceOrderRequest request) {
		PlaceOrderResponse placed = this.orders.place(user.identity(), idempotencyKey, request,
				this.guards.newRequestDeadline());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(REPLAYED_HEADER, String.valueOf(placed.getReplayed()))
			.body(OrderResponse.of(placed.getOrder()));
	}

	@GetMapping("/{id}")
	OrderResponse get(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return OrderResponse.of(this.orders.get(user.identity(), id.toString(), this.guards.newRequestDeadline()));
	}

	@GetMapping
	OrderPageResponse list(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Pattern(regexp = CURSOR,
					message = "is not a cursor returned by this API") String cursor) {
		ListOrdersResponse page = this.orders.list(user.identity(), limit, cursor, this.guards.newRequestDeadline());
		return new OrderPageResponse(page.getOrdersList().stream().map(OrderResponse::of).toList(),
				page.getNextCursor().isEmpty() ? null : page.getNextCursor());
	}

}
