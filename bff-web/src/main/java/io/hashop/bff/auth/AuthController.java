package io.hashop.bff.auth;

import java.util.List;

import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.security.SignedInUser;
import io.hashop.bff.user.UserClient;
import io.hashop.contracts.user.v1.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "auth")
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
	@Operation(operationId = "register", summary = "Create an account",
			description = "A valid e-mail address (compared case-insensitively), a password of 10-128 characters "
					+ "and a display name of 1-64. Does not sign in. Limited per client IP by the gateway.")
	@SecurityRequirements
	@ApiResponse(responseCode = "201", description = "The account was created.")
	@ApiResponse(responseCode = "409", ref = "#/components/responses/409")
	@ResponseStatus(HttpStatus.CREATED)
	AccountResponse register(@Valid @RequestBody RegisterRequest request) {
		User user = this.users.register(request.email(), request.password(), request.displayName(),
				this.guards.newRequestDeadline());
		return new AccountResponse(user.getId(), user.getEmail(), user.getDisplayName());
	}

	@PostMapping("/login")
	@Operation(operationId = "login", summary = "Sign in",
			description = "Starts a fresh session (any previous one ends) and a fresh XSRF token. Limited by the "
					+ "gateway per client IP, and refused attempts per account from any address.")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "Signed in: the account, with the two cookies.",
			headers = @Header(name = "Set-Cookie",
					description = "`SESSION` (HttpOnly) and `XSRF-TOKEN` (readable by scripts, to echo in "
							+ "X-XSRF-TOKEN); both SameSite=Lax, Secure over TLS.",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "401", ref = "#/components/responses/401")
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
	@Operation(operationId = "logout", summary = "Sign out",
			description = "Deletes the session from the session store and clears the XSRF-TOKEN cookie.")
	@ApiResponse(responseCode = "204", description = "Signed out.",
			headers = @Header(name = "Set-Cookie", description = "Clears `XSRF-TOKEN`.",
					schema = @Schema(type = "string")))
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
