package io.hashop.bff.catalog;

import java.time.Duration;
import java.util.List;

import io.hashop.bff.downstream.Deadline;
import io.hashop.bff.downstream.DownstreamGuard;
import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.downstream.InternalCalls;
import io.hashop.contracts.order.v1.ListProductsRequest;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import io.hashop.contracts.order.v1.UpdateProductPriceRequest;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** The catalog of order-service over gRPC, guarded like every order-service call. */
@Component
class CatalogClient {

	static final String SERVICE = "order-service";

	private final OrderServiceBlockingStub stub;

	private final DownstreamGuard guard;

	private final InternalTokenIssuer tokens;

	CatalogClient(GrpcChannelFactory channels, DownstreamGuards guards, InternalTokenIssuer tokens) {
		this.stub = OrderServiceGrpc.newBlockingStub(InternalCalls.connectedChannel(channels, SERVICE));
		this.guard = guards.forService(SERVICE);
		this.tokens = tokens;
	}

	List<ProductResponse> listProducts(Deadline deadline) {
		return this.guard.read(deadline,
				(timeout) -> stub(CallerIdentity.anonymous(), timeout)
					.listProducts(ListProductsRequest.getDefaultInstance())
					.getProductsList()
					.stream()
					.map(ProductResponse::of)
					.toList());
	}

	ProductResponse updatePrice(CallerIdentity caller, long productId, long priceCents, Deadline deadline) {
		UpdateProductPriceRequest request = UpdateProductPriceRequest.newBuilder()
			.setProductId(productId)
			.setPriceCents(priceCents)
			.build();
		return ProductResponse
			.of(this.guard.write(deadline, (timeout) -> stub(caller, timeout).updateProductPrice(request)));
	}

	private OrderServiceBlockingStub stub(CallerIdentity caller, Duration timeout) {
		return InternalCalls.forCall(this.stub, this.tokens, caller, SERVICE, timeout);
	}

}
