package io.hashop.bff.security;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import org.junit.jupiter.api.Test;

import static io.hashop.bff.support.ApiFixtures.order;
import static io.hashop.bff.support.ApiFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: a session for the private routes, the XSRF pair for unsafe methods.
 */
class AccessRulesIntegrationTests extends BffIntegrationTest {

	@Test
	void answers401WithoutASession() {
		ApiClient client = client();
		for (String[] call : new String[][] { { "GET", "/api/me" }, { "GET", "/api/orders" },
				{ "GET", "/api/orders/" + UUID.randomUUID() }, { "GET", "/api/dashboard" }, { "POST", "/api/orders" },
				{ "POST", "/api/auth/logout" }, { "PUT", "/api/admin/products/1" } }) {
			Response response = client.send(call[0], call[1], call[0].equals("GET") ? null : "{}",
					Map.of("Idempotency-Key", "k1"));
			assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(401);
			assertThat(response.contentType()).as(call[1]).isEqualTo("application/problem+json");
		}
	}

	@Test
	void answers403ForUnsafeMethodsWithoutTheMatchingXsrfHeader() {
		ApiClient client = client();
		signIn(client);

		Response missing = client.send("POST", "/api/orders", order(1, 1),
				headers("Idempotency-Key", "xsrf-1", "X-XSRF-TOKEN", null));
		Response wrong = client.send("POST", "/api/orders", order(1, 1),
				headers("Idempotency-Key", "xsrf-2", "X-XSRF-TOKEN", "forged"));
		Response logout = client.send("POST", "/api/auth/logout", null, headers("X-XSRF-TOKEN", "forged"));

		assertThat(missing.status()).isEqualTo(403);
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(logout.status()).isEqualTo(403);
		assertThat(wrong.contentType()).isEqualTo("application/problem+json");
	}

	/**
	 * Headers from name/value pairs; a {@code null} value sends no such header at all.
	 */
	private static Map<String, String> headers(String... pairs) {
		Map<String, String> headers = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			headers.put(pairs[i], pairs[i + 1]);
		}
		return headers;
	}

}
