package io.hashop.bff.security;

import java.util.List;
import java.util.Map;

import io.hashop.bff.support.BffIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static io.hashop.bff.support.ApiFixtures.setCookie;
import static io.hashop.bff.security.SecureCookieIntegrationTests.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code COOKIE_SECURE=true} (production): the SESSION and XSRF-TOKEN cookies are
 * {@code Secure} whatever the request says, so no proxy setting can lose the flag.
 */
@TestPropertySource(properties = "COOKIE_SECURE=true")
class AlwaysSecureCookieIntegrationTests extends BffIntegrationTest {

	@Test
	void marksBothCookiesSecureEvenOverPlainHttp() {
		List<String> cookies = login(client(), downstreams, Map.of());

		assertThat(setCookie(cookies, "SESSION")).containsIgnoringCase("; Secure");
		assertThat(setCookie(cookies, "XSRF-TOKEN")).containsIgnoringCase("; Secure");
	}

	@Test
	void marksBothCookiesSecureWhenAProxySaysHttp() {
		List<String> cookies = login(client(), downstreams, Map.of("X-Forwarded-Proto", "http"));

		assertThat(setCookie(cookies, "SESSION")).containsIgnoringCase("; Secure");
		assertThat(setCookie(cookies, "XSRF-TOKEN")).containsIgnoringCase("; Secure");
	}

}
