package io.hashop.platform.grpc;

import java.util.Set;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenVerifier;
import io.hashop.platform.identity.InvalidInternalTokenException;

/**
 * Closes every call without a valid internal token with {@code UNAUTHENTICATED}; other
 * calls run with their verified caller in the gRPC context. The standard health service
 * stays open for probes.
 */
public class InternalIdentityServerInterceptor implements ServerInterceptor {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final Set<String> OPEN_SERVICES = Set.of("grpc.health.v1.Health");

	private final InternalTokenVerifier verifier;

	public InternalIdentityServerInterceptor(InternalTokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		if (OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
			return next.startCall(call, headers);
		}
		CallerIdentity caller;
		try {
			caller = this.verifier.verifyBearer(headers.get(AUTHORIZATION));
		}
		catch (InvalidInternalTokenException ex) {
			call.close(Status.UNAUTHENTICATED.withDescription("A valid internal identity token is required"),
					new Metadata());
			return new ServerCall.Listener<>() {
			};
		}
		return Contexts.interceptCall(Context.current().withValue(GrpcCallerIdentity.KEY, caller), call, headers, next);
	}

}
