package io.hashop.bff.order;

import java.net.URI;
import java.util.UUID;

import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.security.SignedInUser;
import io.hashop.contracts.IdempotencyKeys;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.PlaceOrderResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

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
@Tag(name = "orders")
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
	@Operation(operationId = "placeOrder", summary = "Place an order",
			description = "1-50 lines of 1-100 units each; prices come from the catalog, never from the client. "
					+ "The order starts `PENDING_PAYMENT` and moves to `PAID` or `PAYMENT_FAILED`. The same "
					+ "`Idempotency-Key` with the same body answers the same order again; with another body, 422.")
	@ApiResponse(responseCode = "201", description = "The order was placed, or replayed for a repeated key.",
			headers = {
					@Header(name = "Location", description = "The order's URL.", required = true,
							schema = @Schema(type = "string", format = "uri-reference",
									example = "/api/orders/0b7e9a52-2f7c-4c3e-a1d4-9e0f2b3c4d5e")),
					@Header(name = REPLAYED_HEADER, required = true,
							description = "`true` when an earlier request with this key placed the order.",
							schema = @Schema(type = "string", allowableValues = { "true", "false" })) })
	@ApiResponse(responseCode = "422", ref = "#/components/responses/422")
	ResponseEntity<OrderResponse> place(@AuthenticationPrincipal SignedInUser user,
			@Parameter(description = "Your key for this order: repeat it to retry safely.",
					example = "order-2026-12-02-1") @RequestHeader("Idempotency-Key") @Pattern(
							regexp = IdempotencyKeys.PATTERN, message = IdempotencyKeys.MESSAGE) String idempotencyKey,
			@Valid @RequestBody PlaceOrderRequest request) {
		PlaceOrderResponse placed = this.orders.place(user.identity(), idempotencyKey, request,
				this.guards.newRequestDeadline());
		return ResponseEntity.created(URI.create("/api/orders/" + placed.getOrder().getId()))
			.header(REPLAYED_HEADER, String.valueOf(placed.getReplayed()))
			.body(OrderResponse.of(placed.getOrder()));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getOrder", summary = "Get one of your orders",
			description = "Another user's order, like a missing one, is 404.")
	@ApiResponse(responseCode = "200", description = "The order.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/404")
	OrderResponse get(@AuthenticationPrincipal SignedInUser user,
			@Parameter(description = "The order's id.") @PathVariable UUID id) {
		return OrderResponse.of(this.orders.get(user.identity(), id.toString(), this.guards.newRequestDeadline()));
	}

	@GetMapping
	@Operation(operationId = "listOrders", summary = "List your orders",
			description = "Newest first, a page at a time: pass the `nextCursor` of a page as `cursor` to get the "
					+ "next one; the last page has `nextCursor: null`.")
	@ApiResponse(responseCode = "200", description = "One page of orders.")
	OrderPageResponse list(@AuthenticationPrincipal SignedInUser user,
			@Parameter(description = "Orders per page.") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@Parameter(description = "The `nextCursor` of the previous page; omit for the first page.",
					example = "MjAyNi0xMi0wMlQxODowMDowMFo") @RequestParam(required = false) @Pattern(regexp = CURSOR,
							message = "is not a cursor returned by this API") String cursor) {
		ListOrdersResponse page = this.orders.list(user.identity(), limit, cursor, this.guards.newRequestDeadline());
		return new OrderPageResponse(page.getOrdersList().stream().map(OrderResponse::of).toList(),
				page.getNextCursor().isEmpty() ? null : page.getNextCursor());
	}

}
