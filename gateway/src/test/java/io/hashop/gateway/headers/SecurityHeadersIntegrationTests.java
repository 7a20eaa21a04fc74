package io.hashop.gateway.headers;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.EdgeIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersIntegrationTests extends EdgeIntegrationTest {

	@Test
	void setsSecurityHeadersOnProxiedAnswers() {
		HttpResponse<String> response = client().get("/api/products");

		assertThat(response.statusCode()).isEqualTo(200);
		assertSecurityHeaders(response.headers());
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@Test
	void setsSecurityHeadersOnNotFound() {
		HttpResponse<String> response = client().get("/nope");

		assertThat(response.statusCode()).isEqualTo(404);
		assertSecurityHeaders(response.headers());
	}

	@Test
	void setsSecurityHeadersOnTooManyRequests() {
		EdgeClient client = client();
		HttpResponse<String> response = null;
		for (int i = 0; i < 4; i++) {
			response = client.post("/api/auth/login", "{}");
		}

		assertThat(response.statusCode()).isEqualTo(429);
		assertSecurityHeaders(response.headers());
	}

	@Test
	void setsSecurityHeadersOnHealthProbes() {
		assertSecurityHeaders(client().get("/readyz").headers());
	}

	@Test
	void keepsTheCacheControlTheBffChose() {
		HttpResponse<String> response = client().get("/api/cached");

		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60");
	}

	@Test
	void removesServerBannersAndOverridesWeakerFramingRules() {
		HttpResponse<String> response = client().get("/api/banner");

		assertThat(response.headers().firstValue("Server")).isEmpty();
		assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
	}

	@Test
	void sendsNoHstsOverPlainHttpWhateverTheClientClaims() {
		HttpResponse<String> response = client().get("/api/products", "X-Forwarded-Proto", "https");

		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	static void assertSecurityHeaders(HttpHeaders headers) {
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(headers.firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
		assertThat(headers.firstValue("Cache-Control")).isPresent();
		assertThat(headers.firstValue("X-Request-Id")).isPresent();
	}

}
