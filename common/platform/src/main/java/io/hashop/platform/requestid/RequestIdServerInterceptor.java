package io.hashop.platform.requestid;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import org.slf4j.MDC;

/**
 * Takes the request id of a gRPC call into the logging context of every callback,
 * whichever thread runs it.
 */
class RequestIdServerInterceptor implements ServerInterceptor {

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		String requestId = RequestIds.acceptOrCreate(headers.get(RequestIdClientInterceptor.KEY));
		return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
				withRequestId(requestId, () -> next.startCall(call, headers))) {

			@Override
			public void onMessage(Q message) {
				withRequestId(requestId, () -> {
					super.onMessage(message);
					return null;
				});
			}

			@Override
			public void onHalfClose() {
				withRequestId(requestId, () -> {
					super.onHalfClose();
					return null;
				});
			}

		};
	}

	private static <T> T withRequestId(String requestId, java.util.function.Supplier<T> work) {
		MDC.put(RequestIds.MDC_KEY, requestId);
		try {
			return work.get();
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

}
