package io.hashop.gateway.routing;

import java.util.Locale;

import io.hashop.gateway.error.EdgeRejectionException;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 404 for any path not in canonical form, before routing: dot segments, empty
 * segments, backslashes, semicolons (path parameters) and encoded dots, slashes,
 * backslashes or percent signs. The BFF's server would normalise these, so
 * {@code /api/../actuator} must never reach it.
 */
class CanonicalPathFilter implements WebFilter, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final String[] AMBIGUOUS = { "%2e", "%2f", "%5c", "%25", "%00", "\\", ";", "//" };

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!isCanonical(exchange.getRequest().getURI().getRawPath())) {
			return Mono.error(new EdgeRejectionException(HttpStatus.NOT_FOUND, "There is nothing at this path."));
		}
		return chain.filter(exchange);
	}

	static boolean isCanonical(String rawPath) {
		if (rawPath == null || !rawPath.startsWith("/")) {
			return false;
		}
		String lower = rawPath.toLowerCase(Locale.ROOT);
		for (String ambiguous : AMBIGUOUS) {
			if (lower.contains(ambiguous)) {
				return false;
			}
		}
		for (String segment : rawPath.split("/")) {
			if (segment.equals(".") || segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

}
