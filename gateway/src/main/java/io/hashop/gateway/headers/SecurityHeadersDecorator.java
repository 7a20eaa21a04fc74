package io.hashop.gateway.headers;

import io.hashop.gateway.client.ClientResolver;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Sets the security headers just before a response is committed, around the whole web
 * stack, so they cover proxied answers, 404s, 429s and 503s alike and override whatever
 * the BFF sent for them. {@code Cache-Control} is the one the BFF may choose itself.
 * Server banners are removed.
 */
@Component
class SecurityHeadersDecorator implements HttpHandlerDecoratorFactory, Ordered {

	private final SecurityHeadersProperties properties;

	private final ClientResolver clients;

	SecurityHeadersDecorator(SecurityHeadersProperties properties, ClientResolver clients) {
		this.properties = properties;
		this.clients = clients;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			response.beforeCommit(() -> {
				apply(request, response.getHeaders());
				return Mono.empty();
			});
			return handler.handle(request, response);
		};
	}

	void apply(ServerHttpRequest request, HttpHeaders headers) {
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("X-Frame-Options", "DENY");
		headers.set("Referrer-Policy", "no-referrer");
		headers.set("Content-Security-Policy", this.properties.contentSecurityPolicy());
		if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			headers.set(HttpHeaders.CACHE_CONTROL, this.properties.cacheControl());
		}
		if (this.clients.isSecure(request)) {
			headers.set("Strict-Transport-Security", this.properties.strictTransportSecurity());
		}
		else {
			headers.remove("Strict-Transport-Security");
		}
		headers.remove("Server");
		headers.remove("X-Powered-By");
	}

}
