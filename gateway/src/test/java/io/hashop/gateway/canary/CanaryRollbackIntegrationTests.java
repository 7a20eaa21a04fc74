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
 * A canary release that fails: once more than 5 % of its last answers (at least 20) were
 * 5xx, the gateway moves every session to the stable pool by itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "hashop.gateway.canary.weight=50",
				"hashop.gateway.canary.rollback-5xx-ratio=0.05", "hashop.gateway.canary.rollback-min-requests=20",
				"hashop.gateway.rate-limit.ip-limit=100000", "hashop.gateway.rate-limit.user-limit=100000" })
@WithTestRedis
class CanaryRollbackIntegrationTests {

	static final StubBff STABLE = StubBff.start("stable");

	static final StubBff CANARY = StubBff.start("canary").failing(true);

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
	void movesEverySessionToTheStablePoolOnceTheCanaryFailsTooOften() {
		EdgeClient client = EdgeClient.fresh(this.port);
		String onCanary = "SESSION=doomed; " + CanaryRouter.COOKIE + "=canary";
		for (int i = 0; i < 19; i++) {
			assertThat(client.get("/api/products", "Cookie", onCanary).statusCode()).isEqualTo(500);
		}
		assertThat(this.meters.get("hashop.gateway.canary.rolled.back").gauge().value())
			.as("19 answers are fewer than the window needs")
			.isZero();

		assertThat(client.get("/api/products", "Cookie", onCanary).statusCode()).isEqualTo(500);

		assertThat(this.meters.get("hashop.gateway.canary.rolled.back").gauge().value()).isOne();
		HttpResponse<String> moved = client.get("/api/products", "Cookie", onCanary);
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(PoolCookies.instance(moved)).isEqualTo("stable");
		assertThat(PoolCookies.set(moved)).hasValue("stable");
		for (int i = 0; i < 50; i++) {
			assertThat(PoolCookies.instance(client.get("/api/products"))).as("a new session").isEqualTo("stable");
		}
		// A tester can still reach the rolled-back canary to see what is wrong.
		assertThat(client.get("/api/products", CanaryRouter.HEADER, "canary").statusCode()).isEqualTo(500);
	}

}
