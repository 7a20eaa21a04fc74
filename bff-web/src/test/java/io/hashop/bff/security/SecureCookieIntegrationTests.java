package io.hashop.bff.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.bff.support.FakeDownstreams;
import io.hashop.devinfra.test.ApiClient;
import org.junit.jupiter.api.Test;

import static io.hashop.bff.support.ApiFixtures.PASSWORD;
import static io.hashop.bff.support.ApiFixtures.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code COOKIE_SECURE}: the SESSION and XSRF-TOKEN cookies are {@code Secure}
 * exactly when the original request was HTTPS, as the gateway (a trusted internal peer)
 * says in {@code X-Forwarded-Proto}.
 */
class SecureCookieIntegrationTests extends BffIntegrationTest {

	@Test
	void marksBothCookiesSecureWhenTheOriginalRequestWasHttps() {
		List<String> cookies = login(client(), downstreams, Map.of("X-Forwarded-Proto", "https"));

		assertThat(setCookie(cookies, "SESSION")).containsIgnoringCase("; Secure");
		assertThat(setCookie(cookies, "XSRF-TOKEN")).containsIgnoringCase("; Secure");
	}

	@Test
	void leavesBothCookiesWithoutSecureOverPlainHttp() {
		List<String> cookies = login(client(), downstreams, Map.of("X-Forwarded-Proto", "http"));

		assertThat(setCookie(cookies, "SESSION")).doesNotContainIgnoringCase("; Secure");
		assertThat(setCookie(cookies, "XSRF-TOKEN")).doesNotContainIgnoringCase("; Secure");
	}

	/**
	 * Logs a fresh account in, and returns the {@code Set-Cookie} headers of the answer.
	 */
	static List<String> login(ApiClient client, FakeDownstreams downstreams, Map<String, String> headers) {
		String email = "cookie-" + UUID.randomUUID() + "@example.com";
		downstreams.users.add(email, PASSWORD, "Cookie", "USER");
		ApiClient.Response response = client.send("POST", "/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD), headers);
		assertThat(response.status()).isEqualTo(200);
		return response.setCookies();
	}

}
