package io.hashop.bff.security;

import java.util.List;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Two filter chains: the public catalog, API description and reference, and probes never
 * touch the session (so they keep working while Redis is down); everything else needs a
 * signed-in session, and unsafe methods other than register and login need the XSRF
 * header to echo the XSRF cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** The methods {@code StrictHttpFirewall} lets through by default. */
	private static final List<String> FIREWALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
			"OPTIONS");

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/**
	 * The XSRF-TOKEN cookie is {@code Secure} exactly when the SESSION cookie is: always
	 * with {@code COOKIE_SECURE=true} ({@code server.servlet.session.cookie.secure}),
	 * else when the original request was HTTPS (Tomcat's remote IP valve believes
	 * {@code X-Forwarded-Proto} from the gateway).
	 */
	@Bean
	CsrfTokenRepository csrfTokenRepository(ServerProperties server) {
		Boolean secure = server.getServlet().getSession().getCookie().getSecure();
		CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookieCustomizer((cookie) -> {
			cookie.sameSite("Lax");
			if (secure != null) {
				cookie.secure(secure);
			}
		});
		return repository;
	}

	/**
	 * A request Spring Security's firewall refuses is a 400 problem+json (405 for a
	 * method it does not allow: TRACE, CONNECT, PROPFIND...), written here rather than by
	 * {@code sendError}, whose error dispatch the firewall would refuse again.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> {
			if (!FIREWALL_METHODS.contains(request.getMethod())) {
				response.setHeader(HttpHeaders.ALLOW, String.join(", ", FIREWALL_METHODS));
				ProblemResponses.write(response, HttpStatus.METHOD_NOT_ALLOWED, "The HTTP method is not allowed.");
			}
			else {
				ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "The request was rejected.");
			}
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
		http.securityMatcher(new OrRequestMatcher(pathPattern(HttpMethod.GET, "/api/products"),
				pathPattern("/api/openapi/**"), pathPattern("/api/openapi"), pathPattern(HttpMethod.GET, "/api/docs"),
				pathPattern(HttpMethod.GET, "/api/docs/**"), pathPattern("/healthz"), pathPattern("/livez"),
				pathPattern("/readyz"), pathPattern("/actuator/**")))
			.securityContext((context) -> context.securityContextRepository(new NullSecurityContextRepository()))
			.sessionManagement((session) -> session.disable())
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain sessionChain(HttpSecurity http, SecurityContextRepository contexts,
			CsrfTokenRepository csrfTokens) throws Exception {
		http.securityContext((context) -> context.securityContextRepository(contexts))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/api/auth/register"),
						pathPattern(HttpMethod.POST, "/api/auth/login")))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
						HttpStatus.UNAUTHORIZED, "Sign in first."))
				.accessDeniedHandler(accessDeniedHandler()))
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login")
						.permitAll()
						.requestMatchers("/error")
						.permitAll()
						.requestMatchers("/api/admin/**")
						.hasRole("ADMIN")
						.anyRequest()
						.authenticated());
		return http.build();
	}

	/**
	 * Without a session a missing XSRF token is reported as what it is first: not signed
	 * in.
	 */
	private static AccessDeniedHandler accessDeniedHandler() {
		return (request, response, ex) -> {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean signedIn = authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken);
			if (ex instanceof CsrfException && !signedIn) {
				ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Sign in first.");
			}
			else if (ex instanceof CsrfException) {
				ProblemResponses.write(response, HttpStatus.FORBIDDEN,
						"The X-XSRF-TOKEN header must echo the XSRF-TOKEN cookie.");
			}
			else {
				ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden.");
			}
		};
	}

}
