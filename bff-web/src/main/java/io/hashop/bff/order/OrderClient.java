package io.hashop.bff.order;

import java.time.Duration;

import io.hashop.bff.downstream.Deadline;
import io.hashop.bff.downstream.DownstreamGuard;
import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.downstream.InternalCalls;
import io.hashop.contracts.order.v1.GetOrderRequest;
import io.hashop.contracts.order.v1.ListOrdersRequest;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderLineRequest;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import io.hashop.contracts.order.v1.PlaceOrderResponse;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** Orders of order-service over gRPC, guarded, always on behalf of the signed-in user. */
@Component
public class OrderClient {

	static final String SERVICE = "order-service";

	private final OrderServiceBlockingStub stub;

	private final DownstreamGuard guard;

	private final InternalTokenIssuer tokens;

	OrderClient(GrpcChannelFactory channels, DownstreamGuards guards, InternalTokenIssuer tokens) {
		this.stub = OrderServiceGrpc.newBlockingStub(InternalCalls.connectedChannel(channels, SERVICE));
		this.guard = guards.forService(SERVICE);
		this.tokens = tokens;
	}

	PlaceOrderResponse place(CallerIdentity caller, String idempotencyKey, PlaceOrderRequest request,
			Deadline deadline) {
		io.hashop.contracts.order.v1.PlaceOrderRequest.Builder message = io.hashop.contracts.order.v1.PlaceOrderRequest
			.newBuilder()
			.setIdempotencyKey(idempotencyKey);
		request.items()
			.forEach((line) -> message
				.addItems(OrderLineRequest.newBuilder().setProductId(line.productId()).setQuantity(line.quantity())));
		return this.guard.write(deadline, (timeout) -> stub(caller, timeout).placeOrder(message.build()));
	}

	Order get(CallerIdentity caller, String orderId, Deadline deadline) {
		GetOrderRequest request = GetOrderRequest.newBuilder().setId(orderId).build();
		return this.guard.read(deadline, (timeout) -> stub(caller, timeout).getOrder(request));
	}

	public ListOrdersResponse list(CallerIdentity caller, int limit, String cursor, Deadline deadline) {
		ListOrdersRequest request = ListOrdersRequest.newBuilder()
			.setLimit(limit)
			.setCursor((cursor != null) ? cursor : "")
			.build();
		return this.guard.read(deadline, (timeout) -> stub(caller, timeout).listOrders(request));
	}

	private OrderServiceBlockingStub stub(CallerIdentity caller, Duration timeout) {
		return InternalCalls.forCall(this.stub, this.tokens, caller, SERVICE, timeout);
	}

}
