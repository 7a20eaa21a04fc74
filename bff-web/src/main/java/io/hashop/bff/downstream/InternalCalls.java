package io.hashop.bff.downstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.stub.AbstractStub;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;

import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * What every gRPC call to a business service carries: a deadline and an internal token.
 */
public final class InternalCalls {

	private InternalCalls() {
	}

	/**
	 * The channel to a downstream, asked to connect now rather than on the first request,
	 * which would otherwise pay for it.
	 */
	public static ManagedChannel connectedChannel(GrpcChannelFactory channels, String service) {
		ManagedChannel channel = channels.createChannel(service);
		channel.getState(true);
		return channel;
	}

	/**
	 * The stub for one call on behalf of {@code caller}, addressed to {@code service}.
	 */
	public static <S extends AbstractStub<S>> S forCall(S stub, InternalTokenIssuer tokens, CallerIdentity caller,
			String service, Duration timeout) {
		return stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
			.withCallCredentials(InternalIdentityCallCredentials.of(tokens.issue(caller, service)));
	}

}
