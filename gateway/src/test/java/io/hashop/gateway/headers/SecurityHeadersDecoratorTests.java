package io.hashop.gateway.headers;

import java.net.InetSocketAddress;
import java.util.List;

import io.hashop.gateway.client.ClientProperties;
import io.hashop.gateway.client.ClientResolver;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersDecoratorTests {

	private final SecurityHeadersProperties properties = new SecurityHeadersProperties(
			"default-src 'none'; frame-ancestors 'none'", "max-age=31536000; includeSubDomains", "no-store");

	@Test
	void sendsHstsWhenATrustedProxyReportsTls() {
		HttpHeaders headers = new HttpHeaders();

		decorator("10.0.0.0/24").apply(request().header("X-Forwarded-Proto", "https").build(), headers);

		assertThat(headers.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
	}

	@Test
	void sendsNoHstsOverPlainHttpAndDropsTheBffsOwn() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Strict-Transport-Security", "max-age=1");

		decorator().apply(request().header("X-Forwarded-Proto", "https").build(), headers);

		assertThat(headers.containsHeader("Strict-Transport-Security")).isFalse();
	}

	@Test
	void setsNoStoreOnlyWhereNoCacheControlWasChosen() {
		HttpHeaders chosen = new HttpHeaders();
		chosen.setCacheControl("private, max-age=30");
		HttpHeaders unset = new HttpHeaders();

		decorator().apply(request().build(), chosen);
		decorator().apply(request().build(), unset);

		assertThat(chosen.getCacheControl()).isEqualTo("private, max-age=30");
		assertThat(unset.getCacheControl()).isEqualTo("no-store");
	}

	@Test
	void overridesWeakerSecurityHeadersAndRemovesBanners() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Frame-Options", "SAMEORIGIN");
		headers.set("Content-Security-Policy", "default-src *");
		headers.set("Server", "Apache");
		headers.set("X-Powered-By", "PHP");

		decorator().apply(request().build(), headers);

		assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
		assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(headers.containsHeader("Server")).isFalse();
		assertThat(headers.containsHeader("X-Powered-By")).isFalse();
	}

	private SecurityHeadersDecorator decorator(String... trustedProxies) {
		return new SecurityHeadersDecorator(this.properties,
				new ClientResolver(new ClientProperties(List.of(trustedProxies), "SESSION")));
	}

	private static MockServerHttpRequest.BaseBuilder<?> request() {
		return MockServerHttpRequest.get("/api/me").remoteAddress(new InetSocketAddress("10.0.0.9", 1234));
	}

}
