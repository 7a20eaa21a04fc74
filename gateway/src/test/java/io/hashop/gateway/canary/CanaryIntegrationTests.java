package io.hashop.gateway.canary;

import java.net.http.HttpResponse;

import io.hashop.devinfra.test.WithTestRedis;
import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.StubBff;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stable and a canary BFF pool at a 20 % weight: how new sessions split, that each
 * stays on its pool, that testers can force one, and that each pool is measured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "hashop.gateway.canary.weight=20",
				"hashop.gateway.rate-limit.ip-limit=100000", "hashop.gateway.rate-limit.user-limit=100000" })
@WithTestRedis
class CanaryIntegrationTests {

	static final StubBff STABLE = StubBff.start("stable");

	static final StubBff CANARY = StubBff.start("canary");

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void pools(DynamicPropertyRegistry registry) {
		registry.add("hashop.gateway.load-balancer.instances", STABLE::url);
		registry.add("hashop.gateway.canary.instances", CANARY::url);
	}

	@Test
	void sendsTheWeightsShareOfNewSessionsToTheCanaryAndTellsEachItsPool() {
		EdgeClient client = EdgeClient.fresh(this.port);
		int canary = 0;
		int sessions = 1_000;
		for (int i = 0; i < sessions; i++) {
			HttpResponse<String> response = client.get("/api/products");
			assertThat(response.statusCode()).isEqualTo(200);
			String instance = PoolCookies.instance(response);
			assertThat(PoolCookies.set(response)).hasValue(instance);
			canary += instance.equals("canary") ? 1 : 0;
		}
		// 20 % ± 5 points: more than six standard deviations of a fair draw at this
		// count.
		assertThat(canary).isBetween(150, 250);
	}

	@Test
	void keepsEverySessionOnThePoolItStartedOn() {
		EdgeClient client = EdgeClient.fresh(this.port);
		for (int session = 0; session < 30; session++) {
			HttpResponse<String> first = client.get("/api/products");
			String pool = PoolCookies.set(first).orElseThrow();
			for (int i = 0; i < 10; i++) {
				HttpResponse<String> next = client.get("/api/orders", "Cookie",
						"SESSION=s" + session + "; " + CanaryRouter.COOKIE + "=" + pool);
				assertThat(PoolCookies.instance(next)).isEqualTo(pool);
				assertThat(PoolCookies.set(next)).as("a session with a pool keeps its cookie").isEmpty();
			}
		}
	}

	@Test
	void letsATesterForceEitherPool() {
		EdgeClient client = EdgeClient.fresh(this.port);
		for (int i = 0; i < 10; i++) {
			assertThat(PoolCookies.instance(client.get("/api/products", CanaryRouter.HEADER, "canary")))
				.isEqualTo("canary");
			assertThat(PoolCookies.instance(client.get("/api/products", CanaryRouter.HEADER, "stable", "Cookie",
					CanaryRouter.COOKIE + "=canary")))
				.isEqualTo("stable");
		}
	}

	@Test
	void measuresRequestsAndLatencyOfEachPool() {
		EdgeClient client = EdgeClient.fresh(this.port);
		double canaryBefore = count("canary", "2xx");
		double stableBefore = count("stable", "5xx");

		client.get("/api/products", CanaryRouter.HEADER, "canary");
		client.get("/api/status/503", CanaryRouter.HEADER, "stable");

		assertThat(count("canary", "2xx")).isEqualTo(canaryBefore + 1);
		assertThat(count("stable", "5xx")).isEqualTo(stableBefore + 1);
		assertThat(this.meters.get("hashop.gateway.canary.rolled.back").gauge().value()).isZero();
	}

	private double count(String pool, String outcome) {
		return this.meters.get("hashop.gateway.pool.requests")
			.tag("pool", pool)
			.tag("outcome", outcome)
			.timer()
			.count();
	}

}
