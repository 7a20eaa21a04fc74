package io.hashop.bff.api;

import java.util.Map;
import java.util.UUID;

import io.hashop.devinfra.test.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.hashop.devinfra.test.ApiClient.Response;
import io.hashop.bff.support.FakeDownstreams;
import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API contract of the design brief, against the BFF with fake downstreams and
 * real Redis.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithTestRedis
class PublicApiIntegrationTests {

	static final FakeDownstreams downstreams = new FakeDownstreams();

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		downstreams.register(registry);
	}

	@AfterAll
	static void stopDownstreams() throws InterruptedException {
		downstreams.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MeterRegistry meters;

	ApiClient client;

	@BeforeEach
	void newClient() {
		downstreams.heal();
		this.client = new ApiClient("http://localhost:" + this.port);
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

		Response again = register(new ApiClient(baseUrl()), email);

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
		String session = setCookie(login, "SESSION");
		String xsrf = setCookie(login, "XSRF-TOKEN");
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

	@Test
	void answers401WithoutASession() {
		for (String[] call : new String[][] { { "GET", "/api/me" }, { "GET", "/api/orders" },
				{ "GET", "/api/orders/" + UUID.randomUUID() }, { "GET", "/api/dashboard" }, { "POST", "/api/orders" },
				{ "POST", "/api/auth/logout" }, { "PUT", "/api/admin/products/1" } }) {
			Response response = this.client.send(call[0], call[1], call[0].equals("GET") ? null : "{}",
					Map.of("Idempotency-Key", "k1"));
			assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(401);
			assertThat(response.contentType()).as(call[1]).isEqualTo("application/problem+json");
		}
	}

	@Test
	void answers403ForUnsafeMethodsWithoutTheMatchingXsrfHeader() {
		signIn(this.client);

		Response missing = this.client.send("POST", "/api/orders", order(1, 1),
				headers("Idempotency-Key", "xsrf-1", "X-XSRF-TOKEN", null));
		Response wrong = this.client.send("POST", "/api/orders", order(1, 1),
				headers("Idempotency-Key", "xsrf-2", "X-XSRF-TOKEN", "forged"));
		Response logout = this.client.send("POST", "/api/auth/logout", null, headers("X-XSRF-TOKEN", "forged"));

		assertThat(missing.status()).isEqualTo(403);
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(logout.status()).isEqualTo(403);
		assertThat(wrong.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void servesTheCatalogWithoutASessionAndCountsCacheLookupsPerLevel() {
		double localHitsBefore = cacheLookups("local", "hit");
		Response products = this.client.get("/api/products");
		this.client.get("/api/products");

		assertThat(products.status()).isEqualTo(200);
		JsonNode first = products.json().get(0);
		assertThat(first.get("sku").asString()).isEqualTo("COF-BEAN-1KG");
		assertThat(first.get("priceCents").asLong()).isPositive();
		assertThat(first.get("currency").asString()).isEqualTo("EUR");
		assertThat(cacheLookups("local", "hit")).isGreaterThan(localHitsBefore);
		assertThat(cacheLookups("local", "miss") + cacheLookups("redis", "hit") + cacheLookups("redis", "miss"))
			.isPositive();
	}

	private double cacheLookups(String level, String result) {
		var counter = this.meters.find("hashop.cache.requests").tag("level", level).tag("result", result).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void placesAnOrderIdempotently() {
		signIn(this.client);

		Response first = placeOrder("order-key-1", order(1, 2));
		Response replay = placeOrder("order-key-1", order(1, 2));
		Response reused = placeOrder("order-key-1", order(2, 1));

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(first.json().get("totalCents").asLong()).isEqualTo(2 * 2490);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(reused.status()).isEqualTo(422);
	}

	@Test
	void refusesAnUnknownProductWith422() {
		signIn(this.client);

		assertThat(placeOrder("unknown-product", order(999, 1)).status()).isEqualTo(422);
	}

	@Test
	void refusesInvalidOrdersWith400() {
		signIn(this.client);
		String fiftyOne = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(51, line(1, 1))) + "]}";

		for (String key : new String[] { "bad key", "x".repeat(65), "" }) {
			assertThat(placeOrder(key, order(1, 1)).status()).as("key '%s'", key).isEqualTo(400);
		}
		assertThat(this.client.send("POST", "/api/orders", order(1, 1), Map.of()).status()).isEqualTo(400);
		for (String body : new String[] { "{\"items\":[]}", fiftyOne, order(1, 0), order(1, 101), "{\"items\":[{}]}",
				"{\"items\":[{\"productId\":1,\"quantity\":1.5}]}",
				"{\"items\":[{\"productId\":\"one\",\"quantity\":1}]}",
				"{\"items\":[{\"productId\":1,\"quantity\":1,\"priceCents\":1}]}", "{\"items\":", "not json",
				"[".repeat(100) + "]".repeat(100) }) {
			Response response = placeOrder("bad-body", body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.contentType()).as(body).isEqualTo("application/problem+json");
			assertThat(response.body()).as(body).doesNotContain("Exception").doesNotContain("at io.");
		}
	}

	@Test
	void refusesOversizedBodiesWith413() {
		signIn(this.client);

		Response response = placeOrder("too-big", "{\"items\":[], \"pad\":\"" + "x".repeat(70_000) + "\"}");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void showsOnlyTheCallersOwnOrders() {
		signIn(this.client);
		String orderId = placeOrder("mine", order(1, 1)).json().get("id").asString();
		ApiClient other = new ApiClient(baseUrl());
		signIn(other);

		assertThat(this.client.get("/api/orders/" + orderId).status()).isEqualTo(200);
		assertThat(other.get("/api/orders/" + orderId).status()).isEqualTo(404);
		assertThat(other.get("/api/orders").json().get("items")).isEmpty();
		JsonNode mine = this.client.get("/api/orders?limit=10").json();
		assertThat(mine.get("items").get(0).get("id").asString()).isEqualTo(orderId);
		assertThat(mine.get("nextCursor").isNull()).isTrue();
		assertThat(this.client.get("/api/orders?limit=0").status()).isEqualTo(400);
		assertThat(this.client.get("/api/orders/not-a-uuid").status()).isEqualTo(400);
	}

	@Test
	void letsOnlyAnAdminChangeAPrice() {
		downstreams.users.add("admin-" + UUID.randomUUID() + "@example.com", "admin-password-1", "Admin", "ADMIN");
		String adminEmail = downstreams.users
			.add("root-" + UUID.randomUUID() + "@example.com", "admin-password-1", "Root", "ADMIN")
			.getEmail();
		signIn(this.client);
		ApiClient admin = new ApiClient(baseUrl());
		login(admin, adminEmail, "admin-password-1");

		assertThat(this.client.put("/api/admin/products/2", "{\"priceCents\":6100}").status()).isEqualTo(403);
		Response changed = admin.put("/api/admin/products/2", "{\"priceCents\":6100}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("priceCents").asLong()).isEqualTo(6100);
		assertThat(admin.put("/api/admin/products/2", "{\"priceCents\":0}").status()).isEqualTo(400);
		assertThat(this.client.get("/api/products").json().get(1).get("priceCents").asLong()).isEqualTo(6100);
	}

	@Test
	void assemblesTheDashboard() {
		signIn(this.client);
		placeOrder("dash-1", order(1, 1));

		JsonNode dashboard = this.client.get("/api/dashboard").json();

		assertThat(dashboard.get("user").get("email").asString()).contains("@example.com");
		assertThat(dashboard.get("recentOrders")).hasSize(1);
		assertThat(dashboard.get("payments")).hasSize(1);
		assertThat(dashboard.get("degraded")).isEmpty();
	}

	@Test
	void continuesTheCallersTraceOnEveryDownstreamCall() {
		signIn(this.client);
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

		Response response = this.client.send("GET", "/api/dashboard", null,
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

		assertThat(response.status()).isEqualTo(200);
		// gRPC to user- and order-service, Feign to payment-service: each from a client
		// span of the BFF's own, in the caller's trace.
		String ownSpan = "00-" + traceId + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01";
		assertThat(downstreams.userServer.lastTraceparent()).matches(ownSpan);
		assertThat(downstreams.orderServer.lastTraceparent()).matches(ownSpan);
		assertThat(downstreams.payments.lastTraceparent()).matches(ownSpan);
	}

	@Test
	void passesTheRequestIdToEveryDownstream() {
		signIn(this.client);

		Response response = this.client.send("GET", "/api/dashboard", null, Map.of("X-Request-Id", "trace-me-42"));

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-me-42");
		assertThat(downstreams.userServer.lastRequestId()).isEqualTo("trace-me-42");
		assertThat(downstreams.orderServer.lastRequestId()).isEqualTo("trace-me-42");
		assertThat(downstreams.payments.lastRequestId()).isEqualTo("trace-me-42");
		Response unsafe = this.client.send("GET", "/api/products", null,
				Map.of("X-Request-Id", "bad id with spaces and {braces}"));
		assertThat(unsafe.headers().firstValue("X-Request-Id").orElseThrow())
			.isNotEqualTo("bad id with spaces and {braces}")
			.hasSize(36);
	}

	@Test
	void describesTheApiAsOpenApi() {
		Response description = this.client.get("/api/openapi");

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
		Response entry = this.client.get("/api/docs");
		String page = entry.headers().firstValue("Location").orElseThrow();

		assertThat(entry.status()).isEqualTo(302);
		assertThat(page).endsWith("/api/docs/swagger-ui/index.html");
		Response rendered = this.client.get("/api/docs/swagger-ui/index.html");
		assertThat(rendered.status()).isEqualTo(200);
		assertThat(rendered.body()).contains("swagger-ui-bundle.js");
		Response initializer = this.client.get("/api/docs/swagger-ui/swagger-initializer.js");
		assertThat(initializer.body()).contains("/api/openapi");
	}

	@Test
	void describesTheApiInOneLocaleWhateverTheRequestAsksFor() {
		Response description = this.client.send("GET", "/api/openapi", null, Map.of("Accept-Language", "fr-CH"));

		assertThat(description.status()).isEqualTo(200);
		assertThat(description.json().get("paths").has("/api/orders")).isTrue();
	}

	private Response placeOrder(String key, String body) {
		return this.client.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	static Response register(ApiClient client, String email) {
		return client.post("/api/auth/register", """
				{"email":"%s","password":"correct-horse-1","displayName":"Test User"}""".formatted(email));
	}

	static Response login(ApiClient client, String email, String password) {
		return client.post("/api/auth/login", """
				{"email":"%s","password":"%s"}""".formatted(email, password));
	}

	static String signUp(ApiClient client) {
		String email = uniqueEmail();
		assertThat(register(client, email).status()).isEqualTo(201);
		return email;
	}

	static void signIn(ApiClient client) {
		assertThat(login(client, signUp(client), "correct-horse-1").status()).isEqualTo(200);
	}

	static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	static String order(long productId, int quantity) {
		return "{\"items\":[" + line(productId, quantity) + "]}";
	}

	static String line(long productId, int quantity) {
		return "{\"productId\":%d,\"quantity\":%d}".formatted(productId, quantity);
	}

	static String setCookie(Response response, String name) {
		return response.setCookies()
			.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("No Set-Cookie for " + name + " in " + response.setCookies()));
	}

	static String decode(String sessionCookie) {
		return new String(java.util.Base64.getDecoder().decode(sessionCookie));
	}

	private static Map<String, String> headers(String... pairs) {
		Map<String, String> headers = new java.util.HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			headers.put(pairs[i], pairs[i + 1]);
		}
		return headers;
	}

}
