package io.hashop.order.order;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.stereotype.Component;

/**
 * Keeps the caller's W3C {@code traceparent} metadata for the call, so that the events an
 * order causes carry the trace on through Kafka.
 */
@Component
@GlobalServerInterceptor
class TraceContextInterceptor implements ServerInterceptor {

	private static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final Context.Key<String> KEY = Context.key("traceparent");

	/** The traceparent of the current call, or {@code null}. */
	static String current() {
		return KEY.get();
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		String traceparent = headers.get(TRACEPARENT);
		if (traceparent == null || !traceparent.matches("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")) {
			return next.startCall(call, headers);
		}
		return Contexts.interceptCall(Context.current().withValue(KEY, traceparent), call, headers, next);
	}

}
