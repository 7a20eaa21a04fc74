package io.hashop.system.edge;

import java.time.Duration;

import io.hashop.launcher.ServiceHandle;
import io.hashop.devinfra.test.ApiClient;
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
			assertThat(EdgeEndToEndIntegrationTests
				.placeOrder(throughSecond, "after-failover", "{\"items\":[{\"productId\":1,\"quantity\":1}]}")
				.status()).isEqualTo(201);
		}
		finally {
			bff.start();
			gateway.start();
		}
	}

}
