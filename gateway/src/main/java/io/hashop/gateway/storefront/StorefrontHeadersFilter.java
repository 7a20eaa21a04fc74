package io.hashop.gateway.storefront;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives the storefront's files (a 200 or 304 for {@code /} or {@code /app/**}) the app's
 * Content-Security-Policy and Cache-Control in place of the API's. It registers its
 * before-commit action after {@code io.hashop.gateway.headers}' decorator registered its
 * own, so it runs after it and only narrows what the app needs; every other answer (the
 * API, errors, a missing file) keeps the strict policy.
 */
class StorefrontHeadersFilter implements WebFilter, Ordered {

	private final StorefrontProperties properties;

	StorefrontHeadersFilter(StorefrontProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isStorefrontPath(exchange.getRequest().getPath().value())) {
			ServerHttpResponse response = exchange.getResponse();
			response.beforeCommit(() -> {
				if (isServed(response.getStatusCode())) {
					HttpHeaders headers = response.getHeaders();
					headers.set("Content-Security-Policy", this.properties.contentSecurityPolicy());
					headers.set(HttpHeaders.CACHE_CONTROL, this.properties.cacheControl());
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	static boolean isStorefrontPath(String path) {
		return path.equals("/") || path.startsWith("/app/");
	}

	private static boolean isServed(HttpStatusCode status) {
		return status == null || status.value() == HttpStatus.OK.value()
				|| status.value() == HttpStatus.NOT_MODIFIED.value();
	}

}
