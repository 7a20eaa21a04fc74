package io.hashop.gateway.error;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hashop.gateway.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers every exception with {@code application/problem+json}, ahead of Boot's default
 * handler. Anything unexpected is a bare 500 whose cause stays in the log, with the
 * request id that the client also sees.
 */
class ProblemJsonExceptionHandler implements WebExceptionHandler, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);

	private final ProblemClassifier classifier;

	private final JsonMapper json;

	ProblemJsonExceptionHandler(ProblemClassifier classifier, JsonMapper json) {
		this.classifier = classifier;
		this.json = json;
	}

	@Override
	public int getOrder() {
		// Before Boot's DefaultErrorWebExceptionHandler (-1), which would answer plain
		// JSON.
		return -2;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		Problem problem = this.classifier.classify(ex);
		String requestId = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
		log(exchange, ex, problem, requestId);
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		HttpHeaders headers = response.getHeaders();
		// Headers copied from a failed upstream answer (a Content-Length above all) must
		// not
		// describe this body.
		headers.clear();
		response.setStatusCode(problem.status());
		if (ex instanceof ResponseStatusException statusException) {
			// What the status needs, such as Allow with a 405.
			headers.addAll(statusException.getHeaders());
		}
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
		}
		byte[] body = this.json.writeValueAsBytes(body(exchange, problem, requestId));
		headers.setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	private static Map<String, Object> body(ServerWebExchange exchange, Problem problem, String requestId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		HttpStatus status = HttpStatus.resolve(problem.status().value());
		body.put("title", (status != null) ? status.getReasonPhrase() : "Error");
		body.put("status", problem.status().value());
		body.put("detail", problem.detail());
		body.put("instance", exchange.getRequest().getPath().value());
		if (requestId != null) {
			body.put("requestId", requestId);
		}
		return body;
	}

	private static void log(ServerWebExchange exchange, Throwable ex, Problem problem, String requestId) {
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		int status = problem.status().value();
		if (status == 500) {
			logger.atError()
				.addKeyValue("requestId", requestId)
				.setCause(ex)
				.log("Unexpected error on {} {} [requestId={}]", method, path, requestId);
		}
		else if (status >= 500) {
			logger.atWarn()
				.addKeyValue("requestId", requestId)
				.log("{} {} answered {}: {} [requestId={}]", method, path, status, ex.toString(), requestId);
		}
		else {
			logger.atDebug()
				.addKeyValue("requestId", requestId)
				.log("{} {} answered {} [requestId={}]", method, path, status, requestId);
		}
	}

}
