package io.hashop.order.order;

import java.util.UUID;

import io.grpc.stub.StreamObserver;
import io.hashop.contracts.order.v1.GetOrderRequest;
import io.hashop.contracts.order.v1.ListOrdersRequest;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.PlaceOrderRequest;
import io.hashop.contracts.order.v1.PlaceOrderResponse;
import io.hashop.platform.error.InvalidRequestException;
import io.hashop.platform.grpc.GrpcCallerIdentity;
import io.hashop.platform.identity.InvalidInternalTokenException;

import org.springframework.stereotype.Service;

/**
 * The orders' RPCs of {@code hashop.order.v1.OrderService}; orders are always the token's
 * user's own. {@code config.OrderServiceConfiguration} binds them, with the catalog's
 * RPCs, into the one definition of that service the server serves.
 */
@Service
class OrderGrpcService implements OrderServiceGrpc.AsyncService {

	private final OrderPlacement placement;

	private final OrderQueries queries;

	OrderGrpcService(OrderPlacement placement, OrderQueries queries) {
		this.placement = placement;
		this.queries = queries;
	}

	@Override
	public void placeOrder(PlaceOrderRequest request, StreamObserver<PlaceOrderResponse> responseObserver) {
		OrderPlacement.Placed placed = this.placement.place(callerId(), OrderMessages.toCommand(request));
		complete(responseObserver,
				PlaceOrderResponse.newBuilder()
					.setOrder(OrderMessages.toMessage(placed.order()))
					.setReplayed(placed.replayed())
					.build());
	}

	@Override
	public void getOrder(GetOrderRequest request, StreamObserver<io.hashop.contracts.order.v1.Order> responseObserver) {
		complete(responseObserver, OrderMessages.toMessage(this.queries.get(callerId(), parseId(request.getId()))));
	}

	@Override
	public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> responseObserver) {
		OrderQueries.Page page = this.queries.list(callerId(), request.getLimit(), request.getCursor());
		ListOrdersResponse.Builder response = ListOrdersResponse.newBuilder();
		page.orders().forEach((order) -> response.addOrders(OrderMessages.toMessage(order)));
		if (page.nextCursor() != null) {
			response.setNextCursor(page.nextCursor());
		}
		complete(responseObserver, response.build());
	}

	/**
	 * Orders belong to a signed-in user; a token on behalf of nobody cannot touch them.
	 */
	private static UUID callerId() {
		return GrpcCallerIdentity.current()
			.user()
			.map(UUID::fromString)
			.orElseThrow(() -> new InvalidInternalTokenException("Orders need a token naming a user"));
	}

	private static UUID parseId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequestException.of("id", "must be a UUID");
		}
	}

	private static <T> void complete(StreamObserver<T> responseObserver, T response) {
		responseObserver.onNext(response);
		responseObserver.onCompleted();
	}

}
