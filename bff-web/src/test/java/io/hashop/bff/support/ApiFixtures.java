package io.hashop.bff.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, orders and cookies as the tests of the public API write them. */
public final class ApiFixtures {

	/** The password of every account the fixtures create. */
	public static final String PASSWORD = "correct-horse-1";

	private ApiFixtures() {
	}

	public static Response register(ApiClient client, String email) {
		return client.post("/api/auth/register", """
				{"email":"%s","password":"%s","displayName":"Test User"}""".formatted(email, PASSWORD));
	}

	public static Response login(ApiClient client, String email, String password) {
		return client.post("/api/auth/login", """
				{"email":"%s","password":"%s"}""".formatted(email, password));
	}

	/** Registers a new account through the API, and returns its e-mail address. */
	public static String signUp(ApiClient client) {
		String email = uniqueEmail();
		assertThat(register(client, email).status()).isEqualTo(201);
		return email;
	}

	/** Signs the client in as a new account registered through the API. */
	public static void signIn(ApiClient client) {
		assertThat(login(client, signUp(client), PASSWORD).status()).isEqualTo(200);
	}

	/**
	 * Adds a user account straight to the fake user-service (replacing one with the same
	 * address), and signs the client in as it.
	 */
	public static void signInAs(ApiClient client, FakeDownstreams downstreams, String email) {
		downstreams.users.add(email, PASSWORD, "User", "USER");
		assertThat(login(client, email, PASSWORD).status()).isEqualTo(200);
	}

	public static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	public static Response placeOrder(ApiClient client, String idempotencyKey, String body) {
		return client.send("POST", "/api/orders", body, Map.of("Idempotency-Key", idempotencyKey));
	}

	/** An order of one line. */
	public static String order(long productId, int quantity) {
		return "{\"items\":[" + line(productId, quantity) + "]}";
	}

	public static String line(long productId, int quantity) {
		return "{\"productId\":%d,\"quantity\":%d}".formatted(productId, quantity);
	}

	/** The last {@code Set-Cookie} value for the cookie {@code name}. */
	public static String setCookie(List<String> setCookies, String name) {
		return setCookies.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("No Set-Cookie for " + name + " in " + setCookies));
	}

}
