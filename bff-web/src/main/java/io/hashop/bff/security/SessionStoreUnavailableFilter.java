package io.hashop.bff.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: when the session store (Redis) fails while a request loads or saves
 * its session, the answer is 503 problem+json with {@code Retry-After}, never a 500 or a
 * hang.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionStoreUnavailableFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(SessionStoreUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (DataAccessException ex) {
			handle(response, ex);
		}
		catch (ServletException ex) {
			if (!(ex.getCause() instanceof DataAccessException cause)) {
				throw ex;
			}
			handle(response, cause);
		}
	}

	private static void handle(HttpServletResponse response, DataAccessException ex) throws IOException {
		logger.warn("Session store unavailable: {}", ex.getMostSpecificCause().toString());
		if (response.isCommitted()) {
			return;
		}
		response.reset();
		ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE,
				"Sessions are temporarily unavailable; try again shortly.");
	}

}
