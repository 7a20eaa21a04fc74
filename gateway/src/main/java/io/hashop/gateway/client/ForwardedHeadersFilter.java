package io.hashop.gateway.client;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the BFF who the client is, in headers it can trust because the gateway wrote
 * them: every forwarding header the client sent is dropped from the proxied request, and
 * {@code X-Forwarded-For} (the client address as resolved here, one value),
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port} (from
 * the {@code Host} the client asked for) are set. Runs after the gateway's own header
 * filters, which strip forwarding headers when, as here, no
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} are configured.
 */
@Component
class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

	private static final List<String> FORWARDING = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
			"X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Real-IP");

	private final ClientResolver clients;

	ForwardedHeadersFilter(ClientResolver clients) {
		this.clients = clients;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = HttpHeaders.copyOf(input);
		FORWARDING.forEach(headers::remove);
		headers.set("X-Forwarded-For", this.clients.clientAddress(request));
		boolean secure = this.clients.isSecure(request);
		headers.set("X-Forwarded-Proto", secure ? "https" : "http");
		String host = request.getHeaders().getFirst(HttpHeaders.HOST);
		if (host != null) {
			headers.set("X-Forwarded-Host", host);
			headers.set("X-Forwarded-Port", port(host, secure));
		}
		return headers;
	}

	private static String port(String host, boolean secure) {
		int colon = host.lastIndexOf(':');
		boolean hasPort = colon > 0 && colon > host.lastIndexOf(']') && colon < host.length() - 1
				&& host.substring(colon + 1).chars().allMatch(Character::isDigit);
		return hasPort ? host.substring(colon + 1) : (secure ? "443" : "80");
	}

}
