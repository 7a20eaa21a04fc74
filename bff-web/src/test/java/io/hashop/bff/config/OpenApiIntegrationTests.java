package io.hashop.bff.config;

import java.util.Map;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description at /api/openapi and the reference rendered at /api/docs. */
class OpenApiIntegrationTests extends BffIntegrationTest {

	@Test
	void describesTheApiAsOpenApi() {
		Response description = client().get("/api/openapi");

		assertThat(description.status()).isEqualTo(200);
		JsonNode paths = description.json().get("paths");
		assertThat(paths.has("/api/dashboard")).isTrue();
		assertThat(paths.has("/error")).isFalse();
		JsonNode place = paths.get("/api/orders").get("post");
		assertThat(place.get("responses").has("201")).isTrue();
		assertThat(place.get("responses").has("200")).isFalse();
		assertThat(place.get("responses").get("201").get("headers").has("Location")).isTrue();
		assertThat(place.get("responses").get("422").get("$ref").asString()).isEqualTo("#/components/responses/422");
		assertThat(place.get("security").get(0).has("xsrf")).isTrue();
		assertThat(paths.get("/api/products").get("get").get("security")).isEmpty();
		assertThat(description.json().get("components").get("securitySchemes").get("session").get("in").asString())
			.isEqualTo("cookie");
		assertThat(description.json().get("components").get("schemas").has("Problem")).isTrue();
	}

	@Test
	void rendersTheApiReferenceWithoutASession() {
		ApiClient client = client();
		Response entry = client.get("/api/docs");
		String page = entry.headers().firstValue("Location").orElseThrow();

		assertThat(entry.status()).isEqualTo(302);
		assertThat(page).endsWith("/api/docs/swagger-ui/index.html");
		Response rendered = client.get("/api/docs/swagger-ui/index.html");
		assertThat(rendered.status()).isEqualTo(200);
		assertThat(rendered.body()).contains("swagger-ui-bundle.js");
		Response initializer = client.get("/api/docs/swagger-ui/swagger-initializer.js");
		assertThat(initializer.body()).contains("/api/openapi");
	}

	@Test
	void describesTheApiInOneLocaleWhateverTheRequestAsksFor() {
		Response description = client().send("GET", "/api/openapi", null, Map.of("Accept-Language", "fr-CH"));

		assertThat(description.status()).isEqualTo(200);
		assertThat(description.json().get("paths").has("/api/orders")).isTrue();
	}

}
