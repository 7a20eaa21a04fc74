package io.hashop.bff.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The firewall checks a header value only when the application reads it (an
 * {@code Idempotency-Key} of non-ASCII bytes, say), so its rejection can surface inside a
 * handler: the client's input, a 400, never a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RejectedRequestProblemHandler {

	private static final Logger logger = LoggerFactory.getLogger(RejectedRequestProblemHandler.class);

	@ExceptionHandler(RequestRejectedException.class)
	ProblemDetail rejected(RequestRejectedException ex) {
		logger.debug("Rejected request: {}", ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request holds a header value that is not allowed.");
	}

}
