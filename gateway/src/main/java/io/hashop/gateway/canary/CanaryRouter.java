package io.hashop.gateway.canary;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import io.hashop.gateway.client.ClientResolver;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends each request to the stable or the canary BFF pool. The pool is, in order: the one
 * a tester forces with {@value #HEADER}; the session's own, from the {@value #COOKIE}
 * cookie (a session stays on the pool it started on, so a login, a cart and a checkout
 * see one version); or, for a new session, the canary with the configured weight, then
 * remembered in the cookie. Once the guard has rolled the canary back, sessions on it
 * move to the stable pool; only a forced request still reaches the canary. Runs right
 * after the route's URL is set and before the load balancer picks an instance of the
 * pool.
 */
class CanaryRouter implements GlobalFilter, Ordered {

	static final String COOKIE = "HASHOP_POOL";

	static final String HEADER = "X-Hashop-Pool";

	/** The pool of this exchange: a retry runs the filters again and must not redraw. */
	private static final String CHOSEN = CanaryRouter.class.getName() + ".pool";

	private final CanaryProperties properties;

	private final CanaryGuard guard;

	private final PoolMetrics metrics;

	private final ClientResolver clients;

	CanaryRouter(CanaryProperties properties, CanaryGuard guard, PoolMetrics metrics, ClientResolver clients) {
		this.properties = properties;
		this.guard = guard;
		this.metrics = metrics;
		this.clients = clients;
	}

	@Override
	public int getOrder() {
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Pool chosen = exchange.getAttribute(CHOSEN);
		if (chosen != null) {
			routeTo(chosen, exchange);
			return chain.filter(exchange);
		}
		Pool pool = choose(exchange);
		exchange.getAttributes().put(CHOSEN, pool);
		routeTo(pool, exchange);
		// Judged by the answer the client gets, when it is committed: the gateway's own
		// 503
		// or 504 for a canary that cannot answer is written by the error handler, after
		// the
		// filter chain has finished (the chain itself only sees a cancel then).
		long start = System.nanoTime();
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			answered(pool, response.getStatusCode(), System.nanoTime() - start);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private Pool choose(ServerWebExchange exchange) {
		if (!this.properties.enabled()) {
			return Pool.STABLE;
		}
		Pool forced = Pool.of(exchange.getRequest().getHeaders().getFirst(HEADER));
		if (forced != null) {
			return forced;
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		Pool sticky = (cookie != null) ? Pool.of(cookie.getValue()) : null;
		if (sticky == Pool.STABLE || (sticky == Pool.CANARY && !this.guard.rolledBack())) {
			return sticky;
		}
		Pool drawn = (!this.guard.rolledBack() && ThreadLocalRandom.current().nextInt(100) < this.properties.weight())
				? Pool.CANARY : Pool.STABLE;
		exchange.getResponse()
			.addCookie(ResponseCookie.from(COOKIE, drawn.label())
				.path("/")
				.httpOnly(true)
				.sameSite("Lax")
				.secure(this.clients.isSecure(exchange.getRequest()))
				.build());
		return drawn;
	}

	private static void routeTo(Pool pool, ServerWebExchange exchange) {
		if (pool == Pool.STABLE) {
			return;
		}
		URI url = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
					UriComponentsBuilder.fromUri(url).host(pool.serviceId()).build(true).toUri());
	}

	private void answered(Pool pool, HttpStatusCode status, long nanos) {
		int code = (status != null) ? status.value() : 200;
		this.metrics.record(pool, code, nanos);
		if (pool == Pool.CANARY) {
			this.guard.record(code >= 500);
		}
	}

}
