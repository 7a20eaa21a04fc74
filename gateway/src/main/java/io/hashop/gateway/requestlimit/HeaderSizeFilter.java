package io.hashop.gateway.requestlimit;

import java.util.List;
import java.util.Map;

import io.hashop.gateway.error.EdgeRejectionException;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 431 when the request headers add up to more than the configured size, or are
 * more lines than the configured count.
 */
@Component
class HeaderSizeFilter implements WebFilter, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private final long maxBytes;

	private final int maxCount;

	HeaderSizeFilter(RequestLimitProperties properties) {
		this.maxBytes = properties.maxHeaderSize().toBytes();
		this.maxCount = properties.maxHeaderCount();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (size(exchange.getRequest().getHeaders()) > this.maxBytes) {
			return Mono.error(new EdgeRejectionException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
					"The request headers are too large."));
		}
		if (count(exchange.getRequest().getHeaders()) > this.maxCount) {
			return Mono.error(new EdgeRejectionException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
					"The request has too many headers."));
		}
		return chain.filter(exchange);
	}

	/** The number of header lines as sent: one for each value. */
	static long count(HttpHeaders headers) {
		long count = 0;
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			count += header.getValue().size();
		}
		return count;
	}

	/** The size of the headers as sent: {@code name: value} and a line break for each. */
	static long size(HttpHeaders headers) {
		long size = 0;
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			for (String value : header.getValue()) {
				size += header.getKey().length() + value.length() + 4;
			}
		}
		return size;
	}

}
