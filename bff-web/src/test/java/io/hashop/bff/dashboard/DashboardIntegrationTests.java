package io.hashop.bff.dashboard;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.hashop.bff.support.ApiFixtures.order;
import static io.hashop.bff.support.ApiFixtures.placeOrder;
import static io.hashop.bff.support.ApiFixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard with every downstream answering (failing ones:
 * DownstreamFailureIntegrationTests).
 */
class DashboardIntegrationTests extends BffIntegrationTest {

	@Test
	void assemblesTheDashboard() {
		ApiClient client = client();
		signIn(client);
		placeOrder(client, "dash-1", order(1, 1));

		JsonNode dashboard = client.get("/api/dashboard").json();

		assertThat(dashboard.get("user").get("email").asString()).contains("@example.com");
		assertThat(dashboard.get("recentOrders")).hasSize(1);
		assertThat(dashboard.get("payments")).hasSize(1);
		assertThat(dashboard.get("degraded")).isEmpty();
	}

}
