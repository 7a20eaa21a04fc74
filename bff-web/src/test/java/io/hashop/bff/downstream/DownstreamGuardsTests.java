package io.hashop.bff.downstream;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DownstreamGuardsTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final DownstreamGuards guards = new DownstreamGuards(new DownstreamProperties(Duration.ofSeconds(30),
			Map.of("order-service", service(), "user-service", service()), true), this.meters);

	@Test
	void hasOneGuardPerDownstreamOfTheBudgetTable() {
		assertThat(this.guards.forService("order-service").name()).isEqualTo("order-service");
		assertThat(this.guards.forService("user-service").name()).isEqualTo("user-service");
		assertThatIllegalStateException().isThrownBy(() -> this.guards.forService("payment-service"))
			.withMessageContaining("payment-service");
	}

	@Test
	void startsEachRequestWithTheWholeBudget() {
		assertThat(this.guards.newRequestDeadline().remaining()).isLessThanOrEqualTo(Duration.ofSeconds(30))
			.isGreaterThan(Duration.ofSeconds(20));
	}

	@Test
	void exportsEachBreakersStateAsAMetric() {
		for (String name : new String[] { "order-service", "user-service" }) {
			assertThat(this.meters.get("resilience4j.circuitbreaker.state")
				.tags("name", name, "state", "closed")
				.gauge()
				.value()).as(name).isEqualTo(1.0);
		}
	}

	private static DownstreamProperties.Service service() {
		return new DownstreamProperties.Service(Duration.ofMillis(800), 2, Duration.ofMillis(50), 64, 50, 20, 10,
				Duration.ofSeconds(10));
	}

}
