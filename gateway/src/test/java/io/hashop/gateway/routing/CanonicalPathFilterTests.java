package io.hashop.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathFilterTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api", "/api/", "/api/products", "/api/orders/0b7c-11", "/api/a.b/c..d", "/healthz",
			"/api/caf%C3%A9" })
	void acceptsCanonicalPaths(String path) {
		assertThat(CanonicalPathFilter.isCanonical(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/api/..", "/api/../actuator", "/api/./products", "/..", "/api/%2e%2e/actuator", "/api/%2E./x",
					"/api/x%2factuator", "/api/x%2Factuator", "/api/x%5cy", "/api/..;/actuator", "/api/products;v=1",
					"//api/products", "/api//products", "/api\\products", "/api/%252e%252e", "api/products", "" })
	void rejectsAnythingAServerMightNormaliseDifferently(String path) {
		assertThat(CanonicalPathFilter.isCanonical(path)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/products", "/api/caf%C3%A9", "/api/%F0%9F%98%80", "q=a+b&c=%2F&d=1,2;3:4@5",
			"q=it's~(ok)!*$" })
	void acceptsWellFormedUtf8(String raw) {
		assertThat(CanonicalPathFilter.isWellFormed(raw)).isTrue();
		assertThat(CanonicalPathFilter.isWellFormed(null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/%ff", "/api/%C0%AE", "/api/%ED%A0%80", "/api/%e2%82", "/api/%zz", "/api/%",
			"/api/%a", "/api/x%00", "q=%00", "/api/{x}", "/api/a|b", "/api/a b", "/api/a\tb", "/api/a\u007fb",
			"/api/caf\u00e9", "/api/a^b", "/api/a\"b", "/api/<x>", "/api/a\\b", "/api/a#b", "/api/a[0]" })
	void rejectsMalformedOrNonUtf8Encodings(String raw) {
		assertThat(CanonicalPathFilter.isWellFormed(raw)).isFalse();
	}

}
