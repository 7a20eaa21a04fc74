package io.hashop.bff.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A session read or written inside a handler (login, logout) while Redis is down is a 503
 * with {@code Retry-After}, like the same failure in a filter
 * ({@link SessionStoreUnavailableFilter}). The BFF has no database, so every data access
 * failure here is Redis.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionStoreProblemHandler {

	private static final Logger logger = LoggerFactory.getLogger(SessionStoreProblemHandler.class);

	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> sessionStoreUnavailable(DataAccessException ex) {
		logger.warn("Session store unavailable: {}", ex.getMostSpecificCause().toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"Sessions are temporarily unavailable; try again shortly."));
	}

}
