package io.hashop.gateway.apidocs;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives the API reference's files (a 200 or 304 below
 * {@code hashop.gateway.api-docs.path}) their Content-Security-Policy in place of the
 * API's. Like the storefront's filter it registers its before-commit action after
 * {@code io.hashop.gateway.headers}' decorator, so it runs after it and narrows only the
 * policy; every other answer (the API, errors, a reference switched off in production:
 * 404) keeps {@code default-src 'none'}.
 */
@Component
class ApiDocsHeadersFilter implements WebFilter, Ordered {

	private final ApiDocsProperties properties;

	ApiDocsHeadersFilter(ApiDocsProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isDocsPath(exchange.getRequest().getPath().value())) {
			ServerHttpResponse response = exchange.getResponse();
			response.beforeCommit(() -> {
				if (isServed(response.getStatusCode())) {
					response.getHeaders().set("Content-Security-Policy", this.properties.contentSecurityPolicy());
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	boolean isDocsPath(String path) {
		return path.equals(this.properties.path()) || path.startsWith(this.properties.path() + "/");
	}

	private static boolean isServed(HttpStatusCode status) {
		return status != null
				&& (status.value() == HttpStatus.OK.value() || status.value() == HttpStatus.NOT_MODIFIED.value());
	}

}
