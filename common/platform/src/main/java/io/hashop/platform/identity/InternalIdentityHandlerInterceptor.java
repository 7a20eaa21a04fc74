package io.hashop.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rejects HTTP requests without a valid internal token (the exception becomes a 401
 * problem+json) and exposes the verified caller to handler methods.
 */
class InternalIdentityHandlerInterceptor implements HandlerInterceptor {

	static final String ATTRIBUTE = CallerIdentity.class.getName();

	private final InternalTokenVerifier verifier;

	InternalIdentityHandlerInterceptor(InternalTokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.setAttribute(ATTRIBUTE, this.verifier.verifyBearer(request.getHeader(HttpHeaders.AUTHORIZATION)));
		return true;
	}

}
