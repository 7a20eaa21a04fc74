package io.hashop.gateway.error;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, first of all filters, a request {@link MalformedRequestMarker} marked: never
 * routed, answered problem+json by {@link ProblemJsonExceptionHandler}.
 */
class MalformedRequestFilter implements WebFilter, Ordered {

	private static final Map<HttpStatus, String> DETAILS = Map.of(HttpStatus.URI_TOO_LONG,
			"The request line is too long.", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
			"The request headers are too large.", HttpStatus.CONTENT_TOO_LARGE, "The request is too large.",
			HttpStatus.EXPECTATION_FAILED, "Only the expectation '100-continue' is supported.");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String marker = exchange.getRequest().getHeaders().getFirst(MalformedRequestMarker.HEADER);
		if (marker == null) {
			return chain.filter(exchange);
		}
		HttpStatus status = HttpStatus.valueOf(Integer.parseInt(marker));
		return Mono.error(new EdgeRejectionException(status,
				DETAILS.getOrDefault(status, "The request is not well-formed HTTP/1.1.")));
	}

}
