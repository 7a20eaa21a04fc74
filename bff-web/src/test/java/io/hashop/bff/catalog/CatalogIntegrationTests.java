package io.hashop.bff.catalog;

import java.util.UUID;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.hashop.bff.support.ApiFixtures.login;
import static io.hashop.bff.support.ApiFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog for everyone, and price changes for admins only. */
class CatalogIntegrationTests extends BffIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void servesTheCatalogWithoutASessionAndCountsCacheLookupsPerLevel() {
		ApiClient client = client();
		double localHitsBefore = cacheLookups("local", "hit");
		Response products = client.get("/api/products");
		client.get("/api/products");

		assertThat(products.status()).isEqualTo(200);
		JsonNode first = products.json().get(0);
		assertThat(first.get("sku").asString()).isEqualTo("COF-BEAN-1KG");
		assertThat(first.get("priceCents").asLong()).isPositive();
		assertThat(first.get("currency").asString()).isEqualTo("EUR");
		assertThat(cacheLookups("local", "hit")).isGreaterThan(localHitsBefore);
		assertThat(cacheLookups("local", "miss") + cacheLookups("redis", "hit") + cacheLookups("redis", "miss"))
			.isPositive();
	}

	@Test
	void letsOnlyAnAdminChangeAPrice() {
		downstreams.users.add("admin-" + UUID.randomUUID() + "@example.com", "admin-password-1", "Admin", "ADMIN");
		String adminEmail = downstreams.users
			.add("root-" + UUID.randomUUID() + "@example.com", "admin-password-1", "Root", "ADMIN")
			.getEmail();
		ApiClient client = client();
		signIn(client);
		ApiClient admin = client();
		login(admin, adminEmail, "admin-password-1");

		assertThat(client.put("/api/admin/products/2", "{\"priceCents\":6100}").status()).isEqualTo(403);
		Response changed = admin.put("/api/admin/products/2", "{\"priceCents\":6100}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("priceCents").asLong()).isEqualTo(6100);
		assertThat(admin.put("/api/admin/products/2", "{\"priceCents\":0}").status()).isEqualTo(400);
		assertThat(client.get("/api/products").json().get(1).get("priceCents").asLong()).isEqualTo(6100);
	}

	private double cacheLookups(String level, String result) {
		var counter = this.meters.find("hashop.cache.requests").tag("level", level).tag("result", result).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
