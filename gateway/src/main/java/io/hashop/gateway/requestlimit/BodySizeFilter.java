package io.hashop.gateway.requestlimit;

import io.hashop.gateway.error.EdgeRejectionException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 413 for a body larger than the limit before the BFF sees a byte of it. A
 * declared {@code Content-Length} is checked up front; a chunked body is read into memory
 * up to the limit (the limit is small) and the reading stops at the first byte past it,
 * then it is passed on with a {@code Content-Length}. Runs after rate limiting, so a
 * flood is turned away before anything is buffered.
 */
@Component
class BodySizeFilter implements WebFilter, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

	private final long maxBytes;

	BodySizeFilter(RequestLimitProperties properties) {
		this.maxBytes = properties.maxBodySize().toBytes();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		long declared = headers.getContentLength();
		if (declared > this.maxBytes) {
			return Mono.error(tooLarge());
		}
		if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, this.maxBytes))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge())
			.map((body) -> buffered(request, body))
			.switchIfEmpty(Mono.fromSupplier(() -> buffered(request, null)))
			.flatMap((buffered) -> chain.filter(exchange.mutate().request(buffered).build()));
	}

	private static ServerHttpRequest buffered(ServerHttpRequest request, DataBuffer body) {
		int length = (body != null) ? body.readableByteCount() : 0;
		ServerHttpRequest withLength = request.mutate().headers((headers) -> {
			headers.remove(HttpHeaders.TRANSFER_ENCODING);
			headers.setContentLength(length);
		}).build();
		return new ServerHttpRequestDecorator(withLength) {

			@Override
			public Flux<DataBuffer> getBody() {
				return (body != null) ? Flux.just(body) : Flux.empty();
			}

		};
	}

	private static EdgeRejectionException tooLarge() {
		return new EdgeRejectionException(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
	}

}
