package io.hashop.gateway.routing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.hashop.devinfra.test.WithTestRedis;
import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.StubBff;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session-hash routing over four instances, one of which reports not ready from the
 * start. Health is probed once at start-up only, so an instance stopped by a test is left
 * to passive ejection.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "hashop.gateway.load-balancer.policy=session-hash",
				"hashop.gateway.load-balancer.ejection-period=1h",
				"spring.cloud.loadbalancer.health-check.interval=1h" })
@WithTestRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionHashIntegrationTests {

	static final StubBff ALPHA = StubBff.start("alpha");

	static final StubBff BRAVO = StubBff.start("bravo");

	static final StubBff UNREADY = StubBff.start("unready").ready(false);

	static final StubBff DELTA = StubBff.start("delta");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void stubBffs(DynamicPropertyRegistry registry) {
		registry.add("hashop.gateway.load-balancer.instances",
				() -> String.join(",", ALPHA.url(), BRAVO.url(), UNREADY.url(), DELTA.url()));
	}

	@Test
	@Order(1)
	void keepsEachSessionOnTheInstanceItsHashChooses() {
		EdgeClient client = EdgeClient.fresh(this.port);
		for (String session : List.of("s-1", "s-2", "s-3", "s-4")) {
			Set<String> answeredBy = new HashSet<>();
			for (int i = 0; i < 5; i++) {
				answeredBy.add(instanceOf(client.get("/api/me", "Cookie", "SESSION=" + session)));
			}
			assertThat(answeredBy).as(session).containsExactly(expected(session, ALPHA, BRAVO, DELTA));
		}
	}

	@Test
	@Order(2)
	void spreadsSessionsOverTheReadyInstancesOnly() {
		EdgeClient client = EdgeClient.fresh(this.port);
		Map<String, Integer> answers = new HashMap<>();
		for (int i = 0; i < 24; i++) {
			answers.merge(instanceOf(client.get("/api/me", "Cookie", "SESSION=spread-" + i)), 1, Integer::sum);
		}

		assertThat(answers.keySet()).hasSizeGreaterThanOrEqualTo(2).doesNotContain("unready");
		assertThat(UNREADY.count()).isZero();
	}

	@Test
	@Order(3)
	void spreadsRequestsWithoutSessionRoundRobin() {
		EdgeClient client = EdgeClient.fresh(this.port);
		Map<String, Integer> answers = new HashMap<>();
		for (int i = 0; i < 6; i++) {
			answers.merge(instanceOf(client.get("/api/products")), 1, Integer::sum);
		}

		assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.of("alpha", 2, "bravo", 2, "delta", 2));
	}

	@Test
	@Order(4)
	void movesOnlyTheSessionsOfAnInstanceThatRefusesConnections() {
		EdgeClient client = EdgeClient.fresh(this.port);
		String onDelta = sessionChoosing(DELTA);
		String onAlpha = sessionChoosing(ALPHA);
		assertThat(instanceOf(client.get("/api/me", "Cookie", "SESSION=" + onDelta))).isEqualTo("delta");

		DELTA.stop();

		String movedTo = expected(onDelta, ALPHA, BRAVO);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = client.get("/api/me", "Cookie", "SESSION=" + onDelta);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(instanceOf(response)).isEqualTo(movedTo);
		}
		assertThat(instanceOf(client.get("/api/me", "Cookie", "SESSION=" + onAlpha))).isEqualTo("alpha");
	}

	private static String sessionChoosing(StubBff stub) {
		return Stream.iterate(0, (i) -> i + 1)
			.map((i) -> "pick-" + i)
			.filter((session) -> expected(session, ALPHA, BRAVO, DELTA).equals(stub.name()))
			.findFirst()
			.orElseThrow();
	}

	private static String expected(String session, StubBff... ready) {
		List<String> urls = Stream.of(ready).map(StubBff::url).toList();
		List<ServiceInstance> instances = BffInstances.from(urls);
		ServiceInstance chosen = SessionHashLoadBalancer.pick(instances, session).getServer();
		List<StubBff> stubs = new ArrayList<>(List.of(ready));
		return stubs.get(instances.indexOf(chosen)).name();
	}

	private static String instanceOf(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		int start = body.indexOf("\"instance\":\"") + "\"instance\":\"".length();
		return body.substring(start, body.indexOf('"', start));
	}

}
