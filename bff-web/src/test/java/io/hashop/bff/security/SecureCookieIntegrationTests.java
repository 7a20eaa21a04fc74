package io.hashop.bff.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hashop.bff.support.FakeDownstreams;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code COOKIE_SECURE}: the SESSION and XSRF-TOKEN cookies are {@code Secure}
 * exactly when the original request was HTTPS, as the gateway (a trusted internal peer)
 * says in {@code X-Forwarded-Proto}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithTestRedis
class SecureCookieIntegrationTests {

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
	void marksBothCookiesSecureWhenTheOriginalRequestWasHttps() {
		List<String> cookies = login(downstreams, this.port, Map.of("X-Forwarded-Proto", "https"));

		assertThat(cookie(cookies, "SESSION")).containsIgnoringCase("; Secure");
		assertThat(cookie(cookies, "XSRF-TOKEN")).containsIgnoringCase("; Secure");
	}

	@Test
	void leavesBothCookiesWithoutSecureOverPlainHttp() {
		List<String> cookies = login(downstreams, this.port, Map.of("X-Forwarded-Proto", "http"));

		assertThat(cookie(cookies, "SESSION")).doesNotContainIgnoringCase("; Secure");
		assertThat(cookie(cookies, "XSRF-TOKEN")).doesNotContainIgnoringCase("; Secure");
	}

	/**
	 * Logs a fresh account in, and returns the {@code Set-Cookie} headers of the answer.
	 */
	static List<String> login(FakeDownstreams downstreams, int port, Map<String, String> headers) {
		String email = "cookie-" + UUID.randomUUID() + "@example.com";
		downstreams.users.add(email, "correct-horse-1", "Cookie", "USER");
		ApiClient.Response response = new ApiClient("http://localhost:" + port).send("POST", "/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"correct-horse-1\"}".formatted(email), headers);
		assertThat(response.status()).isEqualTo(200);
		return response.setCookies();
	}

	static String cookie(List<String> setCookies, String name) {
		return setCookies.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("No Set-Cookie for " + name + " in " + setCookies));
	}

}
