package io.hashop.system.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.hashop.contracts.order.v1.GetOrderRequest;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderLineRequest;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.OrderStatus;
import io.hashop.contracts.order.v1.PlaceOrderRequest;
import io.hashop.contracts.order.v1.PlaceOrderResponse;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;

/** order-service over gRPC, on behalf of one user at a time. */
public final class OrderClient implements AutoCloseable {

	/** 24.90 EUR. */
	public static final long COFFEE_BEANS = 1;

	/** 59.90 EUR. */
	public static final long KETTLE = 5;

	/** 2490.00 EUR: three of them exceed the payment limit of 5000.00. */
	public static final long ESPRESSO_MACHINE = 3;

	private final ManagedChannel channel;

	private final InternalTokenIssuer tokens;

	OrderClient(int port, InternalTokenIssuer tokens) {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
		this.tokens = tokens;
	}

	/** Places an order of {@code quantity} units of one product. */
	public PlaceOrderResponse place(String userId, String idempotencyKey, long productId, int quantity) {
		return stub(userId).placeOrder(PlaceOrderRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.addItems(OrderLineRequest.newBuilder().setProductId(productId).setQuantity(quantity))
			.build());
	}

	/** An order that the provider authorizes. */
	public Order placePayable(String userId, String idempotencyKey) {
		return place(userId, idempotencyKey, COFFEE_BEANS, 2).getOrder();
	}

	/** An order above the payment limit, which the provider declines. */
	public Order placeDeclinable(String userId, String idempotencyKey) {
		return place(userId, idempotencyKey, ESPRESSO_MACHINE, 3).getOrder();
	}

	public Order get(String userId, String orderId) {
		return stub(userId).getOrder(GetOrderRequest.newBuilder().setId(orderId).build());
	}

	public OrderStatus status(String userId, String orderId) {
		return get(userId, orderId).getStatus();
	}

	/** The orders among these that are not yet decided. */
	public List<Order> pending(String userId, List<Order> orders) {
		List<Order> pending = new ArrayList<>();
		for (Order order : orders) {
			if (status(userId, order.getId()) == OrderStatus.ORDER_STATUS_PENDING_PAYMENT) {
				pending.add(order);
			}
		}
		return pending;
	}

	private OrderServiceGrpc.OrderServiceBlockingStub stub(String userId) {
		String token = this.tokens.issue(CallerIdentity.user(userId, Set.of("USER")), "order-service");
		return OrderServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.withCallCredentials(InternalIdentityCallCredentials.of(token));
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
	}

}
