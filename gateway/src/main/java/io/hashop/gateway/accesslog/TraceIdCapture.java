package io.hashop.gateway.accesslog;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Hands the request's trace and span ids to its access-log line. The line is written
 * around the whole web stack ({@link AccessLogDecorator}), after the server observation
 * that holds the span has ended, so the ids are taken while it runs: from the observation
 * context in the exchange, without thread-local context propagation.
 */
@Component
class TraceIdCapture implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((context) -> {
			AccessLogEntry entry = context.getOrDefault(AccessLogEntry.class, null);
			Span span = (entry != null) ? span(exchange) : null;
			if (span != null) {
				entry.traced(span.context().traceId(), span.context().spanId());
			}
			return chain.filter(exchange);
		});
	}

	private static Span span(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes()).map((observation) -> {
			TracingObservationHandler.TracingContext tracing = observation
				.get(TracingObservationHandler.TracingContext.class);
			return (tracing != null) ? tracing.getSpan() : null;
		}).orElse(null);
	}

}
