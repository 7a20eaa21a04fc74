package io.hashop.gateway.requestid;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Settles the request id before anything else runs, around the whole web stack: the
 * request (and so the BFF) sees the settled id, and the response carries it, errors
 * included.
 */
@Component
class RequestIdDecorator implements HttpHandlerDecoratorFactory, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			String id = RequestIds.acceptOrGenerate(request.getHeaders().getValuesAsList(RequestIds.HEADER));
			ServerHttpRequest withId = request.mutate()
				.headers((headers) -> headers.set(RequestIds.HEADER, id))
				.build();
			response.beforeCommit(() -> {
				response.getHeaders().set(RequestIds.HEADER, id);
				return Mono.empty();
			});
			return handler.handle(withId, response);
		};
	}

}
