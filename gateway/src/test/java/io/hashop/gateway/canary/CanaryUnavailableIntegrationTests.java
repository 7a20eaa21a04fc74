package io.hashop.gateway.canary;

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
import static org.awaitility.Awaitility.await;

/**
 * A canary with no instance to answer (not ready): the gateway's own 503s count against
 * it, and the gateway rolls it back as it does for the canary's own 5xx.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "hashop.gateway.canary.weight=50",
				"spring.cloud.loadbalancer.health-check.interval=200ms", "hashop.gateway.rate-limit.ip-limit=100000",
				"hashop.gateway.rate-limit.user-limit=100000" })
@WithTestRedis
class CanaryUnavailableIntegrationTests {

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
	void rollsBackACanaryThatNoInstanceServes() {
		EdgeClient client = EdgeClient.fresh(this.port);
		String onCanary = "SESSION=stranded; " + CanaryRouter.COOKIE + "=canary";
		assertThat(PoolCookies.instance(client.get("/api/products", "Cookie", onCanary))).isEqualTo("canary");
		CANARY.ready(false);
		await().until(() -> client.get("/api/products", "Cookie", onCanary).statusCode() == 503);

		for (int i = 0; i < 25; i++) {
			client.get("/api/products", "Cookie", onCanary);
		}

		assertThat(this.meters.get("hashop.gateway.canary.rolled.back").gauge().value()).isOne();
		assertThat(PoolCookies.instance(client.get("/api/products", "Cookie", onCanary))).isEqualTo("stable");
	}

}
