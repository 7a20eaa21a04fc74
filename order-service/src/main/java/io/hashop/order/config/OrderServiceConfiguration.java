package io.hashop.order.config;

import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.hashop.contracts.order.v1.OrderServiceGrpc;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@code hashop.order.v1.OrderService} the gRPC server serves, bound from the
 * RPCs of two features: the catalog's ({@code catalog.CatalogGrpcService}) and the
 * orders' ({@code order.OrderGrpcService}).
 *
 * <p>
 * The proto keeps both groups in one service so that callers (the BFF) are not broken; a
 * server takes one definition per service name (a second {@code BindableService} of the
 * same name silently replaces the first), so the features implement the generated
 * {@code AsyncService} interface and this table routes each RPC to its feature. grpc-java
 * checks at startup that every RPC of the service is bound exactly once.
 */
@Configuration(proxyBeanMethods = false)
class OrderServiceConfiguration {

	@Bean
	BindableService orderServiceDefinition(@Qualifier("catalogGrpcService") OrderServiceGrpc.AsyncService catalog,
			@Qualifier("orderGrpcService") OrderServiceGrpc.AsyncService orders) {
		ServerServiceDefinition catalogRpcs = OrderServiceGrpc.bindService(catalog);
		ServerServiceDefinition orderRpcs = OrderServiceGrpc.bindService(orders);
		ServerServiceDefinition service = ServerServiceDefinition.builder(OrderServiceGrpc.getServiceDescriptor())
			.addMethod(method(catalogRpcs, OrderServiceGrpc.getListProductsMethod()))
			.addMethod(method(catalogRpcs, OrderServiceGrpc.getUpdateProductPriceMethod()))
			.addMethod(method(orderRpcs, OrderServiceGrpc.getPlaceOrderMethod()))
			.addMethod(method(orderRpcs, OrderServiceGrpc.getGetOrderMethod()))
			.addMethod(method(orderRpcs, OrderServiceGrpc.getListOrdersMethod()))
			.build();
		return () -> service;
	}

	private static ServerMethodDefinition<?, ?> method(ServerServiceDefinition rpcs, MethodDescriptor<?, ?> method) {
		return rpcs.getMethod(method.getFullMethodName());
	}

}
