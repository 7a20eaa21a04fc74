package io.hashop.platform.requestid;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** Passes the current request id on to a gRPC call. */
class RequestIdClientInterceptor implements ClientInterceptor {

	static final Metadata.Key<String> KEY = Metadata.Key.of(RequestIds.HEADER.toLowerCase(),
			Metadata.ASCII_STRING_MARSHALLER);

	@Override
	public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
		String requestId = RequestIds.current();
		return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {

			@Override
			public void start(Listener<R> responseListener, Metadata headers) {
				if (requestId != null) {
					headers.put(KEY, requestId);
				}
				super.start(responseListener, headers);
			}

		};
	}

}
