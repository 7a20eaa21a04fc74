package io.hashop.platform.grpc;

import io.grpc.Context;
import io.hashop.platform.identity.CallerIdentity;

/** The verified caller of the current gRPC call. */
public final class GrpcCallerIdentity {

	static final Context.Key<CallerIdentity> KEY = Context.key("hashop-caller-identity");

	private GrpcCallerIdentity() {
	}

	/**
	 * The caller of the gRPC call being served on this thread.
	 * @return the caller
	 * @throws IllegalStateException outside a call that passed identity verification
	 */
	public static CallerIdentity current() {
		CallerIdentity caller = KEY.get();
		if (caller == null) {
			throw new IllegalStateException("No verified caller: not inside a gRPC call");
		}
		return caller;
	}

}
