package io.hashop.system.isolation;

import java.util.List;
import java.util.Random;

import io.hashop.contracts.order.v1.GetOrderRequest;
import io.hashop.contracts.order.v1.ListOrdersRequest;
import io.hashop.contracts.order.v1.ListProductsRequest;
import io.hashop.contracts.order.v1.OrderLineRequest;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.PlaceOrderRequest;
import io.hashop.contracts.order.v1.UpdateProductPriceRequest;
import io.hashop.system.isolation.InternalFuzz.Call;

import static io.hashop.system.isolation.HostileValues.pick;
import static io.hashop.system.isolation.InternalFuzz.INTS;
import static io.hashop.system.isolation.InternalFuzz.LONGS;
import static io.hashop.system.isolation.InternalFuzz.STRINGS;

/**
 * Malformed order-service calls. Price updates only ever name products that do not exist
 * (or negative prices), so an admin token cannot change the catalog other tests rely on.
 */
final class OrderCalls {

	private OrderCalls() {
	}

	static Call any(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> placeOrder(random);
			case 1 -> {
				GetOrderRequest request = GetOrderRequest.newBuilder()
					.setId(pick(random, STRINGS))
					.setUnknownFields(InternalFuzz.unknownFields(random))
					.build();
				yield new Call("GetOrder", (channel,
						stubs) -> stubs.configure(OrderServiceGrpc.newBlockingStub(channel)).getOrder(request));
			}
			case 2 -> {
				ListOrdersRequest request = ListOrdersRequest.newBuilder()
					.setLimit(random.nextBoolean() ? pick(random, INTS) : 1 + random.nextInt(100))
					.setCursor(random.nextBoolean() ? pick(random, STRINGS) : pick(random, HostileValues.CURSORS))
					.build();
				yield new Call("ListOrders", (channel,
						stubs) -> stubs.configure(OrderServiceGrpc.newBlockingStub(channel)).listOrders(request));
			}
			case 3 -> {
				UpdateProductPriceRequest request = UpdateProductPriceRequest.newBuilder()
					.setProductId(pick(random, List.of(Long.MIN_VALUE, -1L, 0L, 424_242L, Long.MAX_VALUE)))
					.setPriceCents(pick(random, LONGS))
					.build();
				yield new Call("UpdateProductPrice",
						(channel, stubs) -> stubs.configure(OrderServiceGrpc.newBlockingStub(channel))
							.updateProductPrice(request));
			}
			default -> new Call("ListProducts",
					(channel, stubs) -> stubs.configure(OrderServiceGrpc.newBlockingStub(channel))
						.listProducts(ListProductsRequest.newBuilder()
							.setUnknownFields(InternalFuzz.unknownFields(random))
							.build()));
		};
	}

	private static Call placeOrder(Random random) {
		PlaceOrderRequest.Builder request = PlaceOrderRequest.newBuilder()
			.setIdempotencyKey(random.nextBoolean() ? pick(random, STRINGS) : "fuzz-" + random.nextInt(50));
		int lines = pick(random, List.of(0, 1, 1, 2, 51, 200));
		for (int i = 0; i < lines; i++) {
			request.addItems(OrderLineRequest.newBuilder()
				.setProductId(random.nextBoolean() ? pick(random, LONGS) : 1 + random.nextInt(12))
				.setQuantity(random.nextBoolean() ? pick(random, INTS) : 1 + random.nextInt(3)));
		}
		if (random.nextInt(4) == 0) {
			request.setUnknownFields(InternalFuzz.unknownFields(random));
		}
		PlaceOrderRequest built = request.build();
		return new Call("PlaceOrder",
				(channel, stubs) -> stubs.configure(OrderServiceGrpc.newBlockingStub(channel)).placeOrder(built));
	}

}
