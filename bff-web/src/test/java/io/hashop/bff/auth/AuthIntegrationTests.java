package io.hashop.bff.auth;

import java.util.Base64;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.hashop.bff.support.ApiFixtures.login;
import static io.hashop.bff.support.ApiFixtures.register;
import static io.hashop.bff.support.ApiFixtures.setCookie;
import static io.hashop.bff.support.ApiFixtures.signIn;
import static io.hashop.bff.support.ApiFixtures.signUp;
import static io.hashop.bff.support.ApiFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration, login and logout through the public API: the session and XSRF cookies,
 * and the session in Redis.
 */
class AuthIntegrationTests extends BffIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	ApiClient client;

	@BeforeEach
	void newClient() {
		this.client = client();
	}

	@Test
	void registersAnAccount() {
		Response response = register(this.client, uniqueEmail());

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("id").asString()).isNotBlank();
		assertThat(response.json().has("password")).isFalse();
	}

	@Test
	void refusesATakenEmailWith409() {
		String email = uniqueEmail();
		register(this.client, email);

		Response again = register(client(), email);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void refusesInvalidRegistrationsWithFieldErrors() {
		Response response = this.client.post("/api/auth/register",
				"{\"email\":\"nope\",\"password\":\"short\",\"displayName\":\"\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("email", "password", "displayName");
	}

	@Test
	void logsInWithAnHttpOnlySessionCookieAndAReadableXsrfCookie() {
		String email = signUp(this.client);

		Response login = login(this.client, email, "correct-horse-1");

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("email").asString()).isEqualTo(email);
		String session = setCookie(login.setCookies(), "SESSION");
		String xsrf = setCookie(login.setCookies(), "XSRF-TOKEN");
		assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(xsrf).doesNotContainIgnoringCase("HttpOnly");
		assertThat(this.client.get("/api/me").json().get("email").asString()).isEqualTo(email);
	}

	@Test
	void startsAFreshSessionAtLogin() {
		String email = signUp(this.client);
		login(this.client, email, "correct-horse-1");
		String first = this.client.cookie("SESSION").orElseThrow();

		login(this.client, email, "correct-horse-1");

		assertThat(this.client.cookie("SESSION").orElseThrow()).isNotEqualTo(first);
		assertThat(this.redis.keys("hashop:session:sessions:" + decode(first))).isEmpty();
	}

	@Test
	void answersOneMessageForAWrongPasswordAndAnUnknownEmail() {
		String email = signUp(this.client);

		Response wrongPassword = login(this.client, email, "wrong-password-1");
		Response unknownEmail = login(this.client, uniqueEmail(), "wrong-password-1");

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
		assertThat(wrongPassword.setCookies()).noneMatch((cookie) -> cookie.startsWith("SESSION="));
	}

	@Test
	void logsOutAndForgetsTheSessionInRedis() {
		signIn(this.client);
		String session = decode(this.client.cookie("SESSION").orElseThrow());
		assertThat(this.redis.keys("hashop:session:sessions:" + session)).isNotEmpty();

		Response logout = this.client.post("/api/auth/logout", null);

		assertThat(logout.status()).isEqualTo(204);
		assertThat(this.redis.keys("hashop:session:sessions:" + session)).isEmpty();
		assertThat(this.client.get("/api/me").status()).isEqualTo(401);
	}

	/** The session id a {@code SESSION} cookie carries. */
	private static String decode(String sessionCookie) {
		return new String(Base64.getDecoder().decode(sessionCookie));
	}

}
