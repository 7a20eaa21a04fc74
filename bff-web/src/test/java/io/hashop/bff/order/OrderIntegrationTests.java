package io.hashop.bff.order;

import java.util.Collections;
import java.util.Map;

import io.hashop.bff.support.ApiFixtures;
import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.hashop.bff.support.ApiFixtures.line;
import static io.hashop.bff.support.ApiFixtures.order;
import static io.hashop.bff.support.ApiFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Placing and reading the caller's orders through the public API. */
class OrderIntegrationTests extends BffIntegrationTest {

	ApiClient client;

	@BeforeEach
	void signedIn() {
		this.client = client();
		signIn(this.client);
	}

	@Test
	void placesAnOrderIdempotently() {
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
		assertThat(placeOrder("unknown-product", order(999, 1)).status()).isEqualTo(422);
	}

	@Test
	void refusesInvalidOrdersWith400() {
		String fiftyOne = "{\"items\":[" + String.join(",", Collections.nCopies(51, line(1, 1))) + "]}";

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
		Response response = placeOrder("too-big", "{\"items\":[], \"pad\":\"" + "x".repeat(70_000) + "\"}");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void showsOnlyTheCallersOwnOrders() {
		String orderId = placeOrder("mine", order(1, 1)).json().get("id").asString();
		ApiClient other = client();
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

	private Response placeOrder(String key, String body) {
		return ApiFixtures.placeOrder(this.client, key, body);
	}

}
