package io.hashop.bff.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code Content-Type} no route accepts with 415 problem+json, before anything
 * parses it: one that is not a media type, a wildcard ({@code *}{@code /*},
 * {@code application/*}) and multipart (the API takes JSON only; multipart resolution is
 * off, {@code spring.servlet.multipart.enabled=false}). Left to Spring MVC, a wildcard
 * fails deep inside header handling as a 500, on every route and even without a body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentTypeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (StringUtils.hasText(header)) {
			String refusal = refusal(header);
			if (refusal != null) {
				ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** Why a {@code Content-Type} is refused, or {@code null} if it may pass. */
	static String refusal(String header) {
		MediaType type;
		try {
			type = MediaType.parseMediaType(header);
		}
		catch (IllegalArgumentException ex) {
			return "The Content-Type header is not a valid media type.";
		}
		if (type.isWildcardType() || type.isWildcardSubtype()) {
			return "The Content-Type header cannot be a wildcard; send application/json.";
		}
		if ("multipart".equalsIgnoreCase(type.getType())) {
			return "Multipart bodies are not accepted; send application/json.";
		}
		return null;
	}

}
