package io.hashop.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.hashop.devinfra.test.WithTestRedis;
import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.StubBff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One live instance and one that refuses connections, round-robin, with health checks and
 * passive ejection off, so every other pick is the dead instance: what is retried and
 * what is not shows directly.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "hashop.gateway.load-balancer.health-check=false",
				"hashop.gateway.load-balancer.ejection-period=0s",
				"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s" })
@WithTestRedis
class UpstreamFailureIntegrationTests {

	static final StubBff LIVE = StubBff.start("live");

	static final int DEAD_PORT = freePort();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		registry.add("hashop.gateway.load-balancer.instances", () -> LIVE.url() + ",http://127.0.0.1:" + DEAD_PORT);
	}

	@BeforeEach
	void forgetEarlierRequests() {
		LIVE.clear();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD" })
	void retriesAReadOnceOnTheOtherInstanceWhenTheConnectionIsRefused(String method) {
		EdgeClient client = EdgeClient.fresh(this.port);

		List<Integer> statuses = send(client, method, "/api/products", 2);

		assertThat(statuses).containsExactly(200, 200);
		assertThat(LIVE.count(method, "/api/products")).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
	void neverRetriesAnUnsafeMethod(String method) {
		EdgeClient client = EdgeClient.fresh(this.port);

		List<Integer> statuses = send(client, method, "/api/orders", 2);

		assertThat(statuses).containsExactlyInAnyOrder(200, 503);
		assertThat(LIVE.count(method, "/api/orders")).isEqualTo(1);
	}

	@Test
	void answersProblem504WhenTheInstanceDoesNotAnswerInTime() {
		EdgeClient client = EdgeClient.fresh(this.port);

		long start = System.nanoTime();
		HttpResponse<String> response = client.get("/api/slow");
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":504");
		assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
		assertThat(LIVE.count("GET", "/api/slow")).isEqualTo(1);
	}

	@Test
	void neverRetriesAReadThatTimedOut() {
		EdgeClient client = EdgeClient.fresh(this.port);

		List<Integer> statuses = send(client, "GET", "/api/slow", 2);

		assertThat(statuses).containsExactly(504, 504);
		assertThat(LIVE.count("GET", "/api/slow")).isEqualTo(2);
	}

	private static List<Integer> send(EdgeClient client, String method, String path, int times) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			HttpRequest.BodyPublisher body = (method.equals("GET") || method.equals("HEAD"))
					? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
			HttpResponse<String> response = client
				.send(client.request(path).header("Content-Type", "application/json").method(method, body));
			statuses.add(response.statusCode());
		}
		return statuses;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
