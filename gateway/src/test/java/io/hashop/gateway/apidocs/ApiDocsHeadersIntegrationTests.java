package io.hashop.gateway.apidocs;

import java.net.http.HttpResponse;

import io.hashop.gateway.EdgeIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsHeadersIntegrationTests extends EdgeIntegrationTest {

	static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	@Test
	void routesTheReferenceToTheBffWithItsOwnPolicy() {
		HttpResponse<String> page = client().get("/api/docs/swagger-ui/index.html");
		HttpResponse<String> script = client().get("/api/docs/swagger-ui/swagger-ui-bundle.js");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(DOCS_POLICY);
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(script.headers().firstValue("Content-Security-Policy")).hasValue(DOCS_POLICY);
		assertThat(reachedBff()).isEqualTo(2);
	}

	@Test
	void keepsTheStrictPolicyEverywhereElseUnderTheApi() {
		assertThat(client().get("/api/products").headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
		assertThat(client().get("/api/docsx").headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
		assertThat(client().get("/api/openapi").headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
	}

	@Test
	void keepsTheStrictPolicyWhenTheReferenceIsNotServed() {
		HttpResponse<String> failed = client().get("/api/docs/%2e%2e/application.yml");

		assertThat(failed.statusCode()).isIn(400, 404);
		assertThat(failed.headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
	}

}
