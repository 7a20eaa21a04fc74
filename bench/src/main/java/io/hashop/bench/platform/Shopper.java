package io.hashop.bench.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.hashop.devinfra.test.ApiClient;

/**
 * A signed-in shopper whose session the load generator replays: the {@code SESSION} and
 * {@code XSRF-TOKEN} cookies, and the {@code X-XSRF-TOKEN} header that writes need.
 */
public record Shopper(String session, String xsrfToken) {

	public static Shopper signUp(String apiUrl) {
		ApiClient client = new ApiClient(apiUrl);
		String email = "bench-" + UUID.randomUUID() + "@example.com";
		expect(client.post("/api/auth/register",
				"{\"email\":\"" + email + "\",\"password\":\"correct-horse-1\",\"displayName\":\"Bench\"}"), 201);
		expect(client.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"correct-horse-1\"}"), 200);
		return new Shopper(client.cookie("SESSION").orElseThrow(), client.cookie("XSRF-TOKEN").orElseThrow());
	}

	/** The headers of a signed-in read. */
	public Map<String, String> readHeaders() {
		return Map.of("Cookie", "SESSION=" + this.session);
	}

	/** The headers of a signed-in write. */
	public Map<String, String> writeHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Cookie", "SESSION=" + this.session + "; XSRF-TOKEN=" + this.xsrfToken);
		headers.put("X-XSRF-TOKEN", this.xsrfToken);
		return headers;
	}

	private static void expect(ApiClient.Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException(
					"Expected " + status + " but got " + response.status() + ": " + response.body());
		}
	}

}
