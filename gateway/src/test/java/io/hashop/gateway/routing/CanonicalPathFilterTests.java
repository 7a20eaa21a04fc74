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
	@ValueSource(strings = { "/api/..", "/api/../actuator", "/api/./products", "/..", "/api/%2e%2e/actuator",
			"/api/%2E./x", "/api/x%2factuator", "/api/x%2Factuator", "/api/x%5cy", "/api/..;/actuator",
			"/api/products;v=1", "//api/products", "/api//products", "/api\\products", "/api/%252e%252e", "/api/x%00",
			"api/products", "" })
	void rejectsAnythingAServerMightNormaliseDifferently(String path) {
		assertThat(CanonicalPathFilter.isCanonical(path)).isFalse();
	}

}
