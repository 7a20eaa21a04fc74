package io.hashop.system.isolation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import io.hashop.system.support.Figures;
import io.hashop.system.support.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public route by every kind of caller, through the real gateways: who may read or
 * change what, as one table. A and B are ordinary users with an order each; placeholders
 * in paths are filled per run.
 */
class AuthorizationMatrixIntegrationTests {

	private static final int _201 = 201;

	/**
	 * The matrix. {@code xsrf} false sends an unsafe request without the X-XSRF-TOKEN
	 * header; {A-order}, {B-order} and {missing} are order ids; {price} is product 12's
	 * current price, so the admin's change changes nothing.
	 */
	// @formatter:off
	static final List<Row> MATRIX = List.of(
		//       method    path                          body                 xsrf   anonymous  A    B    admin
		new Row("POST",   "/api/auth/register",          "{new-account}",     true,  _201,      201, 201, 201),
		new Row("POST",   "/api/auth/login",             "{\"email\":\"\"}",  true,  400,       400, 400, 400),
		new Row("GET",    "/api/products",               null,                true,  200,       200, 200, 200),
		new Row("GET",    "/api/openapi",                null,                true,  200,       200, 200, 200),
		new Row("GET",    "/healthz",                    null,                true,  200,       200, 200, 200),
		new Row("GET",    "/api/me",                     null,                true,  401,       200, 200, 200),
		new Row("GET",    "/api/orders",                 null,                true,  401,       200, 200, 200),
		new Row("GET",    "/api/orders/{A-order}",       null,                true,  401,       200, 404, 404),
		new Row("GET",    "/api/orders/{B-order}",       null,                true,  401,       404, 200, 404),
		new Row("GET",    "/api/orders/{missing}",       null,                true,  401,       404, 404, 404),
		new Row("GET",    "/api/dashboard",              null,                true,  401,       200, 200, 200),
		new Row("POST",   "/api/orders",                 "{one-coffee}",      true,  401,       201, 201, 201),
		new Row("POST",   "/api/orders",                 "{one-coffee}",      false, 401,       403, 403, 403),
		new Row("DELETE", "/api/orders/{A-order}",       null,                true,  401,       405, 405, 405),
		new Row("PUT",    "/api/admin/products/12",      "{price}",           true,  401,       403, 403, 200),
		new Row("PUT",    "/api/admin/products/12",      "{price}",           false, 401,       403, 403, 403),
		new Row("PUT",    "/api/admin/products/424242",  "{price}",           true,  401,       403, 403, 404),
		new Row("POST",   "/api/auth/logout",            null,                false, 401,       403, 403, 403));
	// @formatter:on

	static SystemUnderTest system;

	@BeforeAll
	static void platform() {
		system = SystemUnderTest.shared();
	}

	@Test
	void letsEachCallerReadAndChangeExactlyWhatIsTheirs() {
		Callers callers = Callers.signIn(system);
		List<String> mismatches = new ArrayList<>();
		Map<String, Object> figures = new LinkedHashMap<>();
		for (Row row : MATRIX) {
			Map<Caller, Integer> answered = new EnumMap<>(Caller.class);
			for (Caller caller : Caller.values()) {
				Response response = callers.send(caller, row);
				answered.put(caller, response.status());
				callers.checkNoCrossUserAccess(caller, row, response);
				if (response.status() != row.expected(caller)) {
					mismatches.add(row + " as " + caller + ": " + response.status() + " " + response.body());
				}
				if (response.status() >= 400) {
					assertThat(response.contentType()).as(row + " as " + caller).startsWith("application/problem+json");
				}
			}
			figures.put(row.method() + " " + row.path() + (row.xsrf() ? "" : " (no XSRF)"), answered.values());
		}
		figures.put("cross-user accesses", callers.crossUserAccesses());
		Figures.print("AuthorizationMatrixIntegrationTests", figures);

		assertThat(mismatches).isEmpty();
		assertThat(callers.crossUserAccesses()).as(callers.crossUserDetails().toString()).isZero();
		assertThat(callers.foreignOrderLooksLikeAMissingOne()).isTrue();
	}

	@Test
	void endsASessionAtLogoutSoItsOldCookieIsRefused() {
		for (int gateway = 1; gateway <= 2; gateway++) {
			ApiClient client = HostileInputIntegrationTests.signUp(system.gatewayUrl(gateway));
			ApiClient oldCookies = new ApiClient(system.gatewayUrl(3 - gateway));
			client.shareCookiesWith(oldCookies, system.gatewayUrl(3 - gateway));
			String order = client
				.send("POST", "/api/orders", Callers.ONE_COFFEE, Map.of("Idempotency-Key", "before-logout"))
				.json()
				.get("id")
				.asString();

			assertThat(client.post("/api/auth/logout", null).status()).isEqualTo(204);

			assertThat(oldCookies.get("/api/me").status()).isEqualTo(401);
			assertThat(oldCookies.get("/api/orders/" + order).status()).isEqualTo(401);
			assertThat(oldCookies.get("/api/dashboard").status()).isEqualTo(401);
			Map<String, String> headers = new HashMap<>();
			headers.put("Idempotency-Key", "after-logout");
			assertThat(oldCookies.send("POST", "/api/orders", Callers.ONE_COFFEE, headers).status()).isEqualTo(401);
			assertThat(client.get("/api/me").status()).isEqualTo(401);
		}
	}

	/** Who calls. */
	enum Caller {

		ANONYMOUS, A, B, ADMIN

	}

	/** One request and the status each caller must get. */
	record Row(String method, String path, String body, boolean xsrf, int anonymous, int a, int b, int admin) {

		int expected(Caller caller) {
			return switch (caller) {
				case ANONYMOUS -> this.anonymous;
				case A -> this.a;
				case B -> this.b;
				case ADMIN -> this.admin;
			};
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + (this.xsrf ? "" : " without XSRF");
		}

	}

	static String newAccount() {
		return "{\"email\":\"matrix-" + UUID.randomUUID()
				+ "@example.com\",\"password\":\"correct-horse-1\",\"displayName\":\"Matrix\"}";
	}

}
