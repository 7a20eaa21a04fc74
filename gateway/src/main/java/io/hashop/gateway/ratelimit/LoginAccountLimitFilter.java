package io.hashop.gateway.ratelimit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.hashop.gateway.error.EdgeRejectionException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The per-account login limit: reads the body of a login (already limited in size by the
 * body filter, which runs before this one, and only once the client IP's login quota let
 * it through), charges the account quota of every top-level {@code email} string in it (a
 * duplicate key charges both candidates, whichever the BFF's parser picks), then passes
 * the same bytes on. Only refused sign-ins count: every attempt is charged before it is
 * passed on, so parallel attempts cannot race past the limit, and given back unless the
 * BFF answered 401, so an owner's own successful logins (and attempts that met a 503)
 * never lock the account. A body without a readable e-mail is the BFF's 400 to give and
 * is charged to the IP quota only. Done here rather than in the BFF so that it shares the
 * Redis counting, the local fallback and the metrics of every other limit.
 */
class LoginAccountLimitFilter implements WebFilter, Ordered {

	/** After the body-size filter (+40), which bounds and de-chunks the body. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 45;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RateLimitRules rules;

	private final RateLimiter limiter;

	private final int maxBytes;

	LoginAccountLimitFilter(RateLimitRules rules, RateLimiter limiter, long maxBodyBytes) {
		this.rules = rules;
		this.limiter = limiter;
		this.maxBytes = (int) Math.min(Integer.MAX_VALUE, maxBodyBytes);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.rules.isAccountPath(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), this.maxBytes)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new EdgeRejectionException(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large."))
			.map(LoginAccountLimitFilter::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> {
				ServerWebExchange replayed = exchange.mutate().request(replay(exchange, body)).build();
				List<Quota> quotas = emails(body).stream().map(this.rules::accountQuota).toList();
				if (quotas.isEmpty()) {
					return chain.filter(replayed);
				}
				return this.limiter.charge(quotas)
					.flatMap((verdict) -> verdict.allowed() ? signIn(replayed, chain, quotas)
							: Mono.error(new EdgeRejectionException(HttpStatus.TOO_MANY_REQUESTS,
									"Too many sign-in attempts for this account; try again later.",
									verdict.retryAfter())));
			});
	}

	/** Passes the login on; only a refused one (401) keeps its charge. */
	private Mono<Void> signIn(ServerWebExchange exchange, WebFilterChain chain, List<Quota> quotas) {
		return chain.filter(exchange)
			.onErrorResume((ex) -> this.limiter.refund(quotas).then(Mono.error(ex)))
			.then(Mono.defer(() -> refused(exchange) ? Mono.empty() : this.limiter.refund(quotas)));
	}

	private static boolean refused(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return status != null && status.value() == HttpStatus.UNAUTHORIZED.value();
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static ServerHttpRequest replay(ServerWebExchange exchange, byte[] body) {
		return new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return (body.length == 0) ? Flux.empty()
						: Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

	/** Every non-blank string under a top-level {@code email} key of a JSON object. */
	static Set<String> emails(byte[] body) {
		Set<String> emails = new LinkedHashSet<>();
		try (JsonParser parser = JSON.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return emails;
			}
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("email".equals(name) && value == JsonToken.VALUE_STRING && !parser.getString().isBlank()) {
					emails.add(parser.getString());
				}
				parser.skipChildren();
			}
		}
		catch (JacksonException ex) {
			// Broken JSON: what was read so far still counts; the BFF answers 400.
		}
		return emails;
	}

}
