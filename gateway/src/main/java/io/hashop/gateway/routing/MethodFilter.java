package io.hashop.gateway.routing;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 405 with {@code Allow} for any method but GET, HEAD, POST, PUT, PATCH, DELETE
 * and OPTIONS (exactly so spelled: methods are case-sensitive), before routing: CONNECT,
 * TRACE, WebDAV methods and invented ones never reach the BFF.
 */
class MethodFilter implements WebFilter, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

	static final List<HttpMethod> ALLOWED = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	private static final Set<String> ALLOWED_NAMES = Set.copyOf(ALLOWED.stream().map(HttpMethod::name).toList());

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String method = exchange.getRequest().getMethod().name();
		if (!ALLOWED_NAMES.contains(method)) {
			return Mono.error(new MethodNotAllowedException(method, ALLOWED));
		}
		return chain.filter(exchange);
	}

}
