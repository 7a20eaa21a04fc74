package io.hashop.bff.downstream;

import java.time.Duration;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.bff.support.Fault;
import io.hashop.devinfra.test.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failing downstream opens its breaker: calls fail fast without reaching it, and it
 * closes after recovery.
 */
@TestPropertySource(properties = { "hashop.bff.downstream.services.user-service.minimum-number-of-calls=4",
		"hashop.bff.downstream.services.user-service.sliding-window-size=4",
		"hashop.bff.downstream.services.user-service.open-duration=1s" })
class CircuitBreakerIntegrationTests extends BffIntegrationTest {

	@Test
	void opensTheBreakerFailsFastWithoutCallingAndClosesAfterRecovery() {
		ApiClient client = clientSignedInAs("user@example.com");
		downstreams.userServer.setFault(Fault.DOWN);
		for (int i = 0; i < 4; i++) {
			assertThat(client.get("/api/me").status()).isEqualTo(503);
		}
		int callsWhenOpen = downstreams.userServer.calls();

		long started = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			assertThat(client.get("/api/me").status()).isEqualTo(503);
		}
		Duration tenCalls = Duration.ofNanos(System.nanoTime() - started);

		assertThat(downstreams.userServer.calls()).isEqualTo(callsWhenOpen);
		assertThat(tenCalls).isLessThan(Duration.ofSeconds(1));
		downstreams.userServer.setFault(Fault.NONE);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.get("/api/me").status() == 200);
		assertThat(downstreams.userServer.calls()).isGreaterThan(callsWhenOpen);
	}

}
