package io.hashop.system.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultPlanTests {

	@Test
	void hitsEveryServiceAndEveryServerOncePerRound() {
		FaultPlan plan = new FaultPlan(42);

		List<PlannedFault> round = IntStream.range(0, 8).mapToObj((i) -> plan.next()).toList();

		assertThat(round).containsExactlyInAnyOrder(PlannedFault.kill("gateway"), PlannedFault.kill("bff-web"),
				PlannedFault.kill("user-service"), PlannedFault.kill("order-service"),
				PlannedFault.kill("payment-service"), PlannedFault.restart(FaultKind.BROKER_RESTART),
				PlannedFault.restart(FaultKind.POSTGRES_RESTART), PlannedFault.restart(FaultKind.REDIS_RESTART));
	}

	@Test
	void repeatsARunFromItsSeedAndVariesWithIt() {
		assertThat(plan(7, 24)).isEqualTo(plan(7, 24)).isNotEqualTo(plan(8, 24));
	}

	private static List<PlannedFault> plan(long seed, int faults) {
		FaultPlan plan = new FaultPlan(seed);
		List<PlannedFault> planned = new ArrayList<>();
		for (int i = 0; i < faults; i++) {
			planned.add(plan.next());
		}
		return planned;
	}

}
