package io.hashop.bench.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.hashop.contracts.order.v1.ListOrdersRequest;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.OrderServiceGrpc.OrderServiceBlockingStub;

/**
 * The gRPC arm: a grpc-java Netty server on a loopback port (what spring-grpc's server
 * starter builds for order-service: grpc-netty on epoll, the default executor,
 * connections aged out after 5 minutes) and a plaintext Netty channel with a blocking
 * stub, used as the BFF's clients use theirs: a deadline and a new token per call. Left
 * out on both arms alike: token signing and checking, metrics and tracing, load
 * balancing.
 */
final class GrpcTransport implements Transport {

	private static final ListOrdersRequest REQUEST = ListOrdersRequest.newBuilder()
		.setLimit(SampleOrders.PAGE_SIZE)
		.build();

	private final Server server;

	private final ManagedChannel channel;

	private final OrderServiceBlockingStub stub;

	private GrpcTransport(Server server, ManagedChannel channel) {
		this.server = server;
		this.channel = channel;
		this.stub = OrderServiceGrpc.newBlockingStub(channel);
	}

	static GrpcTransport start() {
		try {
			Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
				.addService(
						ServerInterceptors.intercept(new OrdersGrpcService(), new OrdersGrpcService.BearerRequired()))
				.maxConnectionAge(5, TimeUnit.MINUTES)
				.maxConnectionAgeGrace(30, TimeUnit.SECONDS)
				.build()
				.start();
			ManagedChannel channel = NettyChannelBuilder
				.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()))
				.usePlaintext()
				.build();
			// Connect now, as the BFF does, rather than on the first call.
			channel.getState(true);
			return new GrpcTransport(server, channel);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the gRPC server", ex);
		}
	}

	@Override
	public void call() {
		ListOrdersResponse page = this.stub.withDeadlineAfter(2, TimeUnit.SECONDS)
			.withCallCredentials(new Bearer(SampleOrders.authorization()))
			.listOrders(REQUEST);
		if (page.getOrdersCount() != SampleOrders.PAGE_SIZE) {
			throw new IllegalStateException("Expected " + SampleOrders.PAGE_SIZE + " orders, got " + page);
		}
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
		this.server.shutdownNow();
		try {
			this.channel.awaitTermination(5, TimeUnit.SECONDS);
			this.server.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The platform's InternalIdentityCallCredentials: the token as an authorization
	 * header.
	 */
	private static final class Bearer extends CallCredentials {

		private final String authorization;

		Bearer(String authorization) {
			this.authorization = authorization;
		}

		@Override
		public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
			Metadata headers = new Metadata();
			headers.put(OrdersGrpcService.AUTHORIZATION, this.authorization);
			applier.apply(headers);
		}

	}

}
