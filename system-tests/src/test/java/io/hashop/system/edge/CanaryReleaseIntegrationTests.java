package io.hashop.system.edge;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.system.support.Metrics;
import io.hashop.system.support.SystemUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A canary release through a real gateway (gateway-3: bff-web stable, bff-web-2 canary at
 * a 20 % weight), from the split to the automatic rollback. One scenario, in the order a
 * release goes, because the rollback ends the canary for that gateway.
 */
class CanaryReleaseIntegrationTests {

	private static final String PRODUCTS = "uri=\"/api/products\"";

	private static final String ORDERS = "uri=\"/api/orders\"";

	@Test
	void splitsNewSessionsKeepsEachOnItsPoolAndRollsBackAFailingCanary() throws Exception {
		SystemUnderTest system = SystemUnderTest.shared();
		String gateway = system.gatewayUrl(3);
		ServiceHandle stable = system.platform().process("bff-web");
		ServiceHandle canary = system.platform().process("bff-web-2");

		// 1. The split: 20 % of new sessions, ± 5 points (four standard deviations here).
		double stableBefore = requests(system, stable, PRODUCTS);
		double canaryBefore = requests(system, canary, PRODUCTS);
		int sessions = 1_000;
		List<ApiClient> onCanary = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			ApiClient client = new ApiClient(gateway);
			assertThat(client.get("/api/products").status()).isEqualTo(200);
			if (client.cookie("HASHOP_POOL").orElseThrow().equals("canary")) {
				onCanary.add(client);
			}
		}
		assertThat(onCanary.size()).isBetween(150, 250);
		// ... and the pools really served them: each BFF counted its own share.
		await().untilAsserted(() -> {
			assertThat(requests(system, canary, PRODUCTS) - canaryBefore).isEqualTo(onCanary.size());
			assertThat(requests(system, stable, PRODUCTS) - stableBefore).isEqualTo(sessions - onCanary.size());
		});

		// 2. Stickiness: a signed-in session stays on the pool it started on.
		ApiClient shopper = signUp(gateway);
		String pool = shopper.cookie("HASHOP_POOL").orElseThrow();
		ServiceHandle own = pool.equals("canary") ? canary : stable;
		ServiceHandle other = pool.equals("canary") ? stable : canary;
		double ownBefore = requests(system, own, ORDERS);
		double otherBefore = requests(system, other, ORDERS);
		for (int i = 0; i < 20; i++) {
			assertThat(shopper.get("/api/orders").status()).isEqualTo(200);
		}
		await().untilAsserted(() -> assertThat(requests(system, own, ORDERS) - ownBefore).isEqualTo(20));
		assertThat(requests(system, other, ORDERS) - otherBefore).isZero();

		// 3. The canary fails (frozen): its sessions get 5xx until the gateway rolls it
		// back,
		// then they are served by the stable pool.
		ApiClient victim = onCanary.get(0);
		signal(canary, "STOP");
		try {
			List<Integer> statuses = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).until(() -> {
				int status = victim.get("/api/products").status();
				statuses.add(status);
				return status == 200;
			});
			// The canary's 200s of step 1 are in the window too: the 5xx share passes 5 %
			// after
			// about a dozen failures.
			assertThat(statuses).as("failures until the rollback, then the stable pool's answer")
				.hasSizeGreaterThan(1)
				.last()
				.isEqualTo(200);
			assertThat(statuses.subList(0, statuses.size() - 1))
				.allSatisfy((status) -> assertThat(status).isGreaterThanOrEqualTo(500));
			assertThat(victim.cookie("HASHOP_POOL")).hasValue("stable");
			for (int i = 0; i < 20; i++) {
				ApiClient newcomer = new ApiClient(gateway);
				assertThat(newcomer.get("/api/products").status()).isEqualTo(200);
				assertThat(newcomer.cookie("HASHOP_POOL")).hasValue("stable");
			}
		}
		finally {
			signal(canary, "CONT");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> new ApiClient("http://localhost:" + canary.serverPort()).get("/readyz").status() == 200);
		}
	}

	private static double requests(SystemUnderTest system, ServiceHandle bff, String uri) {
		return Metrics.sum(system, bff, "bff-web", "http_server_requests_seconds_count", uri);
	}

	private static ApiClient signUp(String gateway) {
		String email = "canary-" + UUID.randomUUID() + "@example.com";
		ApiClient client = new ApiClient(gateway);
		assertThat(client
			.post("/api/auth/register",
					"{\"email\":\"" + email + "\",\"password\":\"correct-horse-1\",\"displayName\":\"Canary\"}")
			.status()).isEqualTo(201);
		assertThat(client.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"correct-horse-1\"}")
			.status()).isEqualTo(200);
		return client;
	}

	private static void signal(ServiceHandle process, String signal) throws IOException, InterruptedException {
		long pid = process.status().pid().orElseThrow();
		assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor()).isZero();
	}

}
