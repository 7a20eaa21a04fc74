package io.hashop.gateway.ratelimit;

import io.hashop.gateway.error.EdgeRejectionException;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 429 with {@code Retry-After} when a request to {@code /api/**} is over a quota.
 */
class RateLimitFilter implements WebFilter, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

	private final RateLimitRules rules;

	private final RateLimiter limiter;

	RateLimitFilter(RateLimitRules rules, RateLimiter limiter) {
		this.rules = rules;
		this.limiter = limiter;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.equals("/api") && !path.startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return this.limiter.charge(this.rules.quotasFor(exchange.getRequest()))
			.flatMap((verdict) -> verdict.allowed() ? chain.filter(exchange)
					: Mono.error(new EdgeRejectionException(HttpStatus.TOO_MANY_REQUESTS,
							"Too many requests; try again later.", verdict.retryAfter())));
	}

}
