package io.hashop.bff.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.hashop.platform.grpc.InternalIdentityServerInterceptor;
import io.hashop.platform.identity.InternalTokenVerifier;

/**
 * A real gRPC server on a free port for a fake downstream: it verifies the BFF's internal
 * tokens like the real services do, serves the gRPC health service as the real ones do,
 * counts calls, and can be told to hang, be down or report NOT_SERVING.
 */
public final class FakeGrpcServer implements AutoCloseable {

	private final Server server;

	private final HealthStatusManager health = new HealthStatusManager();

	private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicReference<String> lastRequestId = new AtomicReference<>();

	private final AtomicReference<String> lastTraceparent = new AtomicReference<>();

	private static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id",
			Metadata.ASCII_STRING_MARSHALLER);

	public FakeGrpcServer(BindableService service, InternalTokenVerifier verifier) {
		ServerInterceptor faults = new ServerInterceptor() {

			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
					ServerCallHandler<Q, R> next) {
				FakeGrpcServer.this.calls.incrementAndGet();
				FakeGrpcServer.this.lastRequestId.set(headers.get(REQUEST_ID));
				FakeGrpcServer.this.lastTraceparent.set(headers.get(TRACEPARENT));
				return switch (FakeGrpcServer.this.fault.get()) {
					case HANG -> new ServerCall.Listener<>() {
					};
					case DOWN -> {
						call.close(Status.UNAVAILABLE.withDescription("fake outage"), new Metadata());
						yield new ServerCall.Listener<>() {
						};
					}
					case NONE -> next.startCall(call, headers);
				};
			}

		};
		this.server = ServerBuilder.forPort(0)
			.addService(ServerInterceptors.intercept(service, new InternalIdentityServerInterceptor(verifier), faults))
			.addService(this.health.getHealthService())
			.build();
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String address() {
		return "static://" + instance();
	}

	/** This server as one entry of a {@code static://} instance list. */
	public String instance() {
		return "localhost:" + this.server.getPort();
	}

	/** What the gRPC health service answers for the whole server. */
	public void setServing(boolean serving) {
		this.health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES,
				serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
	}

	public void setFault(Fault fault) {
		this.fault.set(fault);
	}

	/** The {@code x-request-id} of the latest call. */
	public String lastRequestId() {
		return this.lastRequestId.get();
	}

	/** The W3C {@code traceparent} of the latest call. */
	public String lastTraceparent() {
		return this.lastTraceparent.get();
	}

	public int calls() {
		return this.calls.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

}
