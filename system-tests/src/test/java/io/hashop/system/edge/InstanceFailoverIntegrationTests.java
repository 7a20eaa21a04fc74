package io.hashop.system.edge;

import java.time.Duration;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.system.support.SystemUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateways in front of two BFFs: a session lives in Redis, so it outlives the BFF and
 * the gateway that served its login.
 */
class InstanceFailoverIntegrationTests {

	@Test
	void keepsTheSessionWhenABffAndAGatewayStop() {
		SystemUnderTest system = SystemUnderTest.shared();
		ApiClient throughFirst = EdgeEndToEndIntegrationTests.signedIn(system.gatewayUrl(1));
		ServiceHandle bff = system.platform().process("bff-web");
		ServiceHandle gateway = system.platform().process("gateway");
		try {
			bff.stop();
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> throughFirst.get("/api/me").status() == 200);
			for (int i = 0; i < 10; i++) {
				assertThat(throughFirst.get("/api/me").status()).isEqualTo(200);
			}

			gateway.stop();
			ApiClient throughSecond = new ApiClient(system.gatewayUrl(2));
			throughFirst.shareCookiesWith(throughSecond, system.gatewayUrl(2));
			assertThat(throughSecond.get("/api/me").status()).isEqualTo(200);
			// Until gateway 2 notices the stopped BFF, a POST it routes there is a 503,
			// never retried by a gateway; the client retries with the same key, as
			// Retry-After invites, and gets exactly one order.
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> EdgeEndToEndIntegrationTests
					.placeOrder(throughSecond, "after-failover", "{\"items\":[{\"productId\":1,\"quantity\":1}]}")
					.status() == 201);
			assertThat(throughSecond.get("/api/orders").json().get("items")).hasSize(1);
		}
		finally {
			bff.start();
			gateway.start();
		}
	}

}
