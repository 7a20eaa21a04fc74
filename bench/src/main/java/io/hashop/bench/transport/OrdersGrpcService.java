package io.hashop.bench.transport;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.hashop.contracts.order.v1.ListOrdersRequest;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.OrderServiceGrpc;

/**
 * The server side of the gRPC arm: order-service's ListOrders, answering the sample page.
 */
class OrdersGrpcService extends OrderServiceGrpc.OrderServiceImplBase {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	@Override
	public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
		response.onNext(SampleOrders.proto());
		response.onCompleted();
	}

	/**
	 * Refuses a call without a bearer token, as the MVC arm's required header does;
	 * neither side verifies the token (that cost would be the same on both).
	 */
	static final class BearerRequired implements ServerInterceptor {

		@Override
		public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
				ServerCallHandler<Q, R> next) {
			String authorization = headers.get(AUTHORIZATION);
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				call.close(Status.UNAUTHENTICATED.withDescription("A bearer token is required"), new Metadata());
				return new ServerCall.Listener<>() {
				};
			}
			return next.startCall(call, headers);
		}

	}

}
