package io.hashop.bff.security;

import java.util.List;
import java.util.Map;

import io.hashop.bff.support.FakeDownstreams;
import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.hashop.bff.security.SecureCookieIntegrationTests.cookie;
import static io.hashop.bff.security.SecureCookieIntegrationTests.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code COOKIE_SECURE=true} (production): the SESSION and XSRF-TOKEN cookies are
 * {@code Secure} whatever the request says, so no proxy setting can lose the flag.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "COOKIE_SECURE=true" })
@WithTestRedis
class AlwaysSecureCookieIntegrationTests {

	static final FakeDownstreams downstreams = new FakeDownstreams();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		downstreams.register(registry);
	}

	@AfterAll
	static void stopDownstreams() throws InterruptedException {
		downstreams.close();
	}

	@Test
	void marksBothCookiesSecureEvenOverPlainHttp() {
		List<String> cookies = login(downstreams, this.port, Map.of());

		assertThat(cookie(cookies, "SESSION")).containsIgnoringCase("; Secure");
		assertThat(cookie(cookies, "XSRF-TOKEN")).containsIgnoringCase("; Secure");
	}

	@Test
	void marksBothCookiesSecureWhenAProxySaysHttp() {
		List<String> cookies = login(downstreams, this.port, Map.of("X-Forwarded-Proto", "http"));

		assertThat(cookie(cookies, "SESSION")).containsIgnoringCase("; Secure");
		assertThat(cookie(cookies, "XSRF-TOKEN")).containsIgnoringCase("; Secure");
	}

}
