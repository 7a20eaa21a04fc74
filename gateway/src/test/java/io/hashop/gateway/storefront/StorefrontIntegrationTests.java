package io.hashop.gateway.storefront;

import java.net.http.HttpResponse;

import io.hashop.gateway.EdgeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StorefrontIntegrationTests extends EdgeIntegrationTest {

	static final String APP_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
			+ "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	@Test
	void servesThePageAtTheRootWithTheAppsPolicy() {
		HttpResponse<String> response = client().get("/");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>")
			.doesNotContain("<script>")
			.doesNotContain("style=");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(APP_POLICY);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(reachedBff()).isZero();
	}

	@Test
	void servesModulesAsJavaScriptAndStylesAsCss() {
		HttpResponse<String> script = client().get("/app/main.js");
		HttpResponse<String> styles = client().get("/app/app.css");

		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).matches("(text|application)/javascript.*"));
		assertThat(script.headers().firstValue("Content-Security-Policy")).hasValue(APP_POLICY);
		assertThat(styles.statusCode()).isEqualTo(200);
		assertThat(styles.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(reachedBff()).isZero();
	}

	@Test
	void keepsTheApisStrictPolicy() {
		HttpResponse<String> response = client().get("/api/products");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/app/missing.js", "/app/", "/index.html", "/storefront/index.html",
			"/app/../application.yml", "/app/%2e%2e/application.yml", "/app/..%2fapplication.yml" })
	void answersProblem404WithTheStrictPolicyForAnythingElse(String path) {
		HttpResponse<String> response = client().get(path);

		assertThat(response.statusCode()).isIn(400, 404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
		assertThat(response.body()).doesNotContain("spring:");
		assertThat(reachedBff()).isZero();
	}

	@Test
	void refusesUnsafeMethodsOnTheApp() {
		HttpResponse<String> response = client().post("/", "{}");

		assertThat(response.statusCode()).isIn(404, 405);
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(API_POLICY);
		assertThat(reachedBff()).isZero();
	}

}
