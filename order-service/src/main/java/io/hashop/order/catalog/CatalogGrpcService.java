package io.hashop.order.catalog;

import io.grpc.stub.StreamObserver;
import io.hashop.contracts.order.v1.ListProductsRequest;
import io.hashop.contracts.order.v1.ListProductsResponse;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.UpdateProductPriceRequest;
import io.hashop.platform.grpc.GrpcCallerIdentity;

import org.springframework.stereotype.Service;

/**
 * The catalog's RPCs of {@code hashop.order.v1.OrderService}. That one proto service also
 * carries the orders' RPCs, and a gRPC server takes one definition per service name, so
 * this is not a {@code BindableService} of its own:
 * {@code config.OrderServiceConfiguration} binds these methods and the orders' ones into
 * the single definition the server serves.
 */
@Service
class CatalogGrpcService implements OrderServiceGrpc.AsyncService {

	private final Catalog catalog;

	CatalogGrpcService(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void listProducts(ListProductsRequest request, StreamObserver<ListProductsResponse> responseObserver) {
		ListProductsResponse.Builder response = ListProductsResponse.newBuilder();
		this.catalog.listProducts().forEach((product) -> response.addProducts(toMessage(product)));
		complete(responseObserver, response.build());
	}

	@Override
	public void updateProductPrice(UpdateProductPriceRequest request,
			StreamObserver<io.hashop.contracts.order.v1.Product> responseObserver) {
		complete(responseObserver, toMessage(this.catalog.updatePrice(GrpcCallerIdentity.current(),
				request.getProductId(), request.getPriceCents())));
	}

	private static io.hashop.contracts.order.v1.Product toMessage(Product product) {
		return io.hashop.contracts.order.v1.Product.newBuilder()
			.setId(product.id())
			.setSku(product.sku())
			.setName(product.name())
			.setPriceCents(product.priceCents())
			.setCurrency(product.currency())
			.build();
	}

	private static <T> void complete(StreamObserver<T> responseObserver, T response) {
		responseObserver.onNext(response);
		responseObserver.onCompleted();
	}

}
