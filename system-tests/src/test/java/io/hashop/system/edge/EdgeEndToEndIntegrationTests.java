package io.hashop.system.edge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import io.hashop.system.support.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public API end to end: through the real gateways and BFFs to the real services,
 * with their databases, Redis and Kafka.
 */
class EdgeEndToEndIntegrationTests {

	static SystemUnderTest system;

	@BeforeAll
	static void platform() {
		system = SystemUnderTest.shared();
	}

	@Test
	void walksThroughTheWholeApi() {
		ApiClient client = new ApiClient(system.gatewayUrl(1));
		String email = "walk-" + UUID.randomUUID() + "@example.com";

		Response registered = client.post("/api/auth/register", account(email));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(client.post("/api/auth/register", account(email.toUpperCase())).status()).isEqualTo(409);
		assertThat(client.post("/api/auth/register", "{\"email\":\"x\",\"password\":\"short\",\"displayName\":\"\"}")
			.status()).isEqualTo(400);
		assertThat(client.post("/api/auth/login", login(email, "wrong-password-1")).status()).isEqualTo(401);
		Response login = client.post("/api/auth/login", login(email, "correct-horse-1"));
		assertThat(login.status()).isEqualTo(200);
		assertThat(client.cookie("SESSION")).isPresent();
		assertThat(client.cookie("XSRF-TOKEN")).isPresent();

		assertThat(client.get("/api/me").json().get("email").asString()).isEqualTo(email);
		JsonNode products = client.get("/api/products").json();
		assertThat(products.size()).isGreaterThanOrEqualTo(12);

		Response placed = placeOrder(client, "walk-1", "{\"items\":[{\"productId\":1,\"quantity\":2}]}");
		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.json().get("totalCents").asLong()).isEqualTo(2 * products.get(0).get("priceCents").asLong());
		assertThat(placeOrder(client, "walk-1", "{\"items\":[{\"productId\":1,\"quantity\":2}]}").json().get("id"))
			.isEqualTo(placed.json().get("id"));
		assertThat(placeOrder(client, "walk-1", "{\"items\":[{\"productId\":2,\"quantity\":1}]}").status())
			.isEqualTo(422);
		assertThat(placeOrder(client, "walk-2", "{\"items\":[{\"productId\":4242,\"quantity\":1}]}").status())
			.isEqualTo(422);
		assertThat(placeOrder(client, "bad key", "{\"items\":[{\"productId\":1,\"quantity\":1}]}").status())
			.isEqualTo(400);
		assertThat(client
			.send("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
					Map.of("Idempotency-Key", "no-xsrf", "X-XSRF-TOKEN", "forged"))
			.status()).isEqualTo(403);

		String orderId = placed.json().get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> client.get("/api/orders/" + orderId).json().get("status").asString(), "PAID"::equals);
		JsonNode page = client.get("/api/orders?limit=10").json();
		assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(orderId);
		JsonNode dashboard = client.get("/api/dashboard").json();
		assertThat(dashboard.get("degraded")).isEmpty();
		assertThat(dashboard.get("payments").get(0).get("orderId").asString()).isEqualTo(orderId);

		ApiClient stranger = signedIn(system.gatewayUrl(2));
		assertThat(stranger.get("/api/orders/" + orderId).status()).isEqualTo(404);
		assertThat(stranger.put("/api/admin/products/12", "{\"priceCents\":1300}").status()).isEqualTo(403);

		assertThat(client.post("/api/auth/logout", null).status()).isEqualTo(204);
		assertThat(client.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void declinesAnOrderAboveTheProviderLimit() {
		ApiClient client = signedIn(system.gatewayUrl(1));

		Response placed = placeOrder(client, "too-big", "{\"items\":[{\"productId\":3,\"quantity\":3}]}");

		assertThat(placed.json().get("totalCents").asLong()).isGreaterThan(500_000);
		String orderId = placed.json().get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> client.get("/api/orders/" + orderId).json().get("status").asString(),
					"PAYMENT_FAILED"::equals);
	}

	@Test
	void servesASessionThroughEitherGatewayAndShowsAPriceChangeEverywhereWithinASecond() {
		ApiClient admin = new ApiClient(system.gatewayUrl(1));
		assertThat(admin.post("/api/auth/login", login(system.adminEmail(), system.adminPassword())).status())
			.isEqualTo(200);
		ApiClient sameBrowserOtherGateway = new ApiClient(system.gatewayUrl(2));
		admin.shareCookiesWith(sameBrowserOtherGateway, system.gatewayUrl(2));
		assertThat(sameBrowserOtherGateway.get("/api/me").json().get("email").asString())
			.isEqualTo(system.adminEmail());
		List<ApiClient> readers = List.of(new ApiClient(system.gatewayUrl(1)), new ApiClient(system.gatewayUrl(2)));
		long price = readers.get(0).get("/api/products").json().get(11).get("priceCents").asLong() + 1;
		for (int i = 0; i < 4; i++) {
			readers.forEach((reader) -> reader.get("/api/products"));
		}

		assertThat(sameBrowserOtherGateway.put("/api/admin/products/12", "{\"priceCents\":" + price + "}").status())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> readers.stream()
				.allMatch((reader) -> reader.get("/api/products").json().get(11).get("priceCents").asLong() == price
						&& reader.get("/api/products").json().get(11).get("priceCents").asLong() == price));
	}

	@Test
	void neverRoutesActuatorEndpoints() {
		ApiClient client = new ApiClient(system.gatewayUrl(1));

		for (String path : List.of("/actuator/health", "/actuator/prometheus", "/api/../actuator/health",
				"/api/%2e%2e/actuator/env")) {
			Response response = client.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("jvm_").doesNotContain("\"UP\"");
		}
		// Routed to a BFF, which has no such endpoint on its public port: the usual 401
		// without a session.
		Response underApi = client.get("/api/actuator/health");
		assertThat(underApi.status()).isEqualTo(401);
		assertThat(underApi.body()).doesNotContain("\"UP\"");
	}

	static ApiClient signedIn(String gatewayUrl) {
		ApiClient client = new ApiClient(gatewayUrl);
		String email = "user-" + UUID.randomUUID() + "@example.com";
		assertThat(client.post("/api/auth/register", account(email)).status()).isEqualTo(201);
		assertThat(client.post("/api/auth/login", login(email, "correct-horse-1")).status()).isEqualTo(200);
		return client;
	}

	static Response placeOrder(ApiClient client, String key, String body) {
		return client.send("POST", "/api/orders", body, Map.of("Idempotency-Key", key));
	}

	static String account(String email) {
		return "{\"email\":\"%s\",\"password\":\"correct-horse-1\",\"displayName\":\"Edge\"}".formatted(email);
	}

	static String login(String email, String password) {
		return "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
	}

}
