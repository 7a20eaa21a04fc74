package io.hashop.platform.grpc;

import java.util.concurrent.Executor;

import io.grpc.CallCredentials;
import io.grpc.Metadata;

/**
 * Attaches an internal token to an outgoing gRPC call:
 * {@code stub.withCallCredentials(..)}.
 */
public final class InternalIdentityCallCredentials extends CallCredentials {

	private final String token;

	private InternalIdentityCallCredentials(String token) {
		this.token = token;
	}

	public static InternalIdentityCallCredentials of(String token) {
		return new InternalIdentityCallCredentials(token);
	}

	@Override
	public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
		Metadata headers = new Metadata();
		headers.put(InternalIdentityServerInterceptor.AUTHORIZATION, "Bearer " + this.token);
		applier.apply(headers);
	}

}
