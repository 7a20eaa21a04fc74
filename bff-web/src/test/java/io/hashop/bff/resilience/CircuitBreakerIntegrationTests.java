package io.hashop.bff.resilience;

import java.time.Duration;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.bff.support.FakeDownstreams;
import io.hashop.bff.support.Fault;
import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failing downstream opens its breaker: calls fail fast without reaching it, and it
 * closes after recovery.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0",
				"hashop.bff.downstream.services.user-service.minimum-number-of-calls=4",
				"hashop.bff.downstream.services.user-service.sliding-window-size=4",
				"hashop.bff.downstream.services.user-service.open-duration=1s" })
@WithTestRedis
class CircuitBreakerIntegrationTests {

	static final FakeDownstreams downstreams = new FakeDownstreams();

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		downstreams.register(registry);
	}

	@AfterAll
	static void stopDownstreams() throws InterruptedException {
		downstreams.close();
	}

	@LocalServerPort
	int port;

	ApiClient client;

	@BeforeEach
	void signIn() {
		downstreams.heal();
		this.client = new ApiClient("http://localhost:" + this.port);
		downstreams.users.add("user@example.com", "correct-horse-1", "User", "USER");
		assertThat(
				this.client.post("/api/auth/login", "{\"email\":\"user@example.com\",\"password\":\"correct-horse-1\"}")
					.status())
			.isEqualTo(200);
	}

	@Test
	void opensTheBreakerFailsFastWithoutCallingAndClosesAfterRecovery() {
		downstreams.userServer.setFault(Fault.DOWN);
		for (int i = 0; i < 4; i++) {
			assertThat(this.client.get("/api/me").status()).isEqualTo(503);
		}
		int callsWhenOpen = downstreams.userServer.calls();

		long started = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			assertThat(this.client.get("/api/me").status()).isEqualTo(503);
		}
		Duration tenCalls = Duration.ofNanos(System.nanoTime() - started);

		assertThat(downstreams.userServer.calls()).isEqualTo(callsWhenOpen);
		assertThat(tenCalls).isLessThan(Duration.ofSeconds(1));
		downstreams.userServer.setFault(Fault.NONE);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.client.get("/api/me").status() == 200);
		assertThat(downstreams.userServer.calls()).isGreaterThan(callsWhenOpen);
	}

}
