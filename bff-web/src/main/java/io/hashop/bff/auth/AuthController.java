package io.hashop.bff.auth;

import java.util.List;

import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.security.SignedInUser;
import io.hashop.bff.user.UserClient;
import io.hashop.contracts.user.v1.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration, login and logout. Login always starts a fresh session (no fixation) and a
 * fresh XSRF token; logout deletes the session from Redis.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final UserClient users;

	private final DownstreamGuards guards;

	private final SecurityContextRepository contexts;

	private final CsrfTokenRepository csrfTokens;

	AuthController(UserClient users, DownstreamGuards guards, SecurityContextRepository contexts,
			CsrfTokenRepository csrfTokens) {
		this.users = users;
		this.guards = guards;
		this.contexts = contexts;
		this.csrfTokens = csrfTokens;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	AccountResponse register(@Valid @RequestBody RegisterRequest request) {
		User user = this.users.register(request.email(), request.password(), request.displayName(),
				this.guards.newRequestDeadline());
		return new AccountResponse(user.getId(), user.getEmail(), user.getDisplayName());
	}

	@PostMapping("/login")
	AccountResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest httpRequest,
			HttpServletResponse httpResponse) {
		SignedInUser user = this.users.verifyCredentials(request.email(), request.password(),
				this.guards.newRequestDeadline());
		HttpSession previous = httpRequest.getSession(false);
		if (previous != null) {
			previous.invalidate();
		}
		httpRequest.getSession(true);
		List<SimpleGrantedAuthority> authorities = user.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, httpRequest, httpResponse);
		this.csrfTokens.saveToken(this.csrfTokens.generateToken(httpRequest), httpRequest, httpResponse);
		return new AccountResponse(user.id(), user.email(), user.displayName());
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(HttpServletRequest httpRequest, HttpServletResponse httpResponse) {
		HttpSession session = httpRequest.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		this.csrfTokens.saveToken(null, httpRequest, httpResponse);
	}

}
