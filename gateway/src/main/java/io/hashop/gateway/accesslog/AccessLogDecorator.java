package io.hashop.gateway.accesslog;

import java.util.concurrent.TimeUnit;

import io.hashop.gateway.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Logs each request once it is answered, around the whole web stack so the status is the
 * one the client got, errors included. Runs inside {@code RequestIdDecorator}, so the
 * request already carries the settled id, and with the trace and span ids of the
 * gateway's server span ({@link TraceIdCapture}). Logger
 * {@code io.hashop.gateway.accesslog}.
 */
@Component
class AccessLogDecorator implements HttpHandlerDecoratorFactory, Ordered {

	private static final Logger logger = LoggerFactory.getLogger("io.hashop.gateway.accesslog");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			long start = System.nanoTime();
			AccessLogEntry entry = new AccessLogEntry();
			return handler.handle(request, response)
				.doFinally((signal) -> log(request, response, signal, System.nanoTime() - start, entry))
				.contextWrite((context) -> context.put(AccessLogEntry.class, entry));
		};
	}

	private static void log(ServerHttpRequest request, ServerHttpResponse response, SignalType signal, long nanos,
			AccessLogEntry entry) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		String method = request.getMethod().name();
		String path = request.getPath().value();
		HttpStatusCode statusCode = response.getStatusCode();
		int status = (signal == SignalType.CANCEL) ? 499 : (statusCode != null) ? statusCode.value() : 200;
		long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
		String requestId = request.getHeaders().getFirst(RequestIds.HEADER);
		logger.atInfo()
			.addKeyValue("http.request.method", method)
			.addKeyValue("url.path", path)
			.addKeyValue("http.response.status_code", status)
			.addKeyValue("event.duration_ms", millis)
			.addKeyValue("requestId", requestId)
			.addKeyValue("trace.id", entry.traceId())
			.addKeyValue("span.id", entry.spanId())
			.log("{} {} {} {}ms requestId={} traceId={}", method, path, status, millis, requestId, entry.traceId());
	}

}
