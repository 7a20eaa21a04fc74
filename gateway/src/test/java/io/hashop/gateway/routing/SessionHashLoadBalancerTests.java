package io.hashop.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SessionHashLoadBalancerTests {

	private final List<ServiceInstance> instances = BffInstances
		.from(List.of("http://10.0.0.1:8081", "http://10.0.0.2:8081", "http://10.0.0.3:8081"));

	@Test
	void choosesTheSameInstanceForASessionEveryTime() {
		SessionHashLoadBalancer balancer = balancer(this.instances, noFallback());

		ServiceInstance first = choose(balancer, "session-a");
		for (int i = 0; i < 20; i++) {
			assertThat(choose(balancer, "session-a")).isEqualTo(first);
		}
	}

	@Test
	void choosesTheSameInstanceWhateverOrderTheInstancesComeIn() {
		List<ServiceInstance> reversed = this.instances.reversed();
		for (int i = 0; i < 50; i++) {
			String session = "session-" + i;
			assertThat(SessionHashLoadBalancer.pick(reversed, session).getServer())
				.isEqualTo(SessionHashLoadBalancer.pick(this.instances, session).getServer());
		}
	}

	@Test
	void spreadsSessionsEvenlyEnough() {
		Map<ServiceInstance, Integer> counts = new HashMap<>();
		for (int i = 0; i < 3000; i++) {
			counts.merge(SessionHashLoadBalancer.pick(this.instances, "s" + i).getServer(), 1, Integer::sum);
		}

		assertThat(counts).hasSize(3);
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isBetween(800, 1200));
	}

	@Test
	void movesOnlyTheSessionsOfAnInstanceThatLeaves() {
		ServiceInstance leaving = this.instances.get(1);
		List<ServiceInstance> remaining = List.of(this.instances.get(0), this.instances.get(2));
		for (int i = 0; i < 500; i++) {
			String session = "s" + i;
			ServiceInstance before = SessionHashLoadBalancer.pick(this.instances, session).getServer();
			ServiceInstance after = SessionHashLoadBalancer.pick(remaining, session).getServer();
			if (!before.equals(leaving)) {
				assertThat(after).as(session).isEqualTo(before);
			}
		}
	}

	@Test
	void answersNoInstanceWhenThereIsNone() {
		assertThat(SessionHashLoadBalancer.pick(List.of(), "s").hasServer()).isFalse();
	}

	@Test
	void leavesRequestsWithoutSessionToTheFallback() {
		ServiceInstance fallbackChoice = this.instances.get(2);
		SessionHashLoadBalancer balancer = balancer(this.instances,
				(request) -> Mono.just(new DefaultResponse(fallbackChoice)));

		Response<ServiceInstance> response = balancer.choose(request(null)).block();

		assertThat(response.getServer()).isEqualTo(fallbackChoice);
	}

	private static SessionHashLoadBalancer balancer(List<ServiceInstance> instances,
			ReactorServiceInstanceLoadBalancer fallback) {
		return new SessionHashLoadBalancer(ServiceInstanceListSuppliers.toProvider(BffInstances.SERVICE_ID,
				instances.toArray(new ServiceInstance[0])), fallback, "SESSION");
	}

	private static ReactorServiceInstanceLoadBalancer noFallback() {
		return (request) -> Mono.error(new AssertionError("a request with a session went to the fallback"));
	}

	private static ServiceInstance choose(SessionHashLoadBalancer balancer, String session) {
		return balancer.choose(request(session)).block().getServer();
	}

	private static DefaultRequest<RequestDataContext> request(String session) {
		MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/me");
		if (session != null) {
			builder.cookie(new HttpCookie("SESSION", session));
		}
		return new DefaultRequest<>(new RequestDataContext(new RequestData(builder.build())));
	}

}
