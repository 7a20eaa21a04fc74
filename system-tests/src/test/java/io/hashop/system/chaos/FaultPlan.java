package io.hashop.system.chaos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Which fault comes next: rounds of one kill per service and one restart per server, each
 * round shuffled by a seeded random, so that every service and server is hit once per
 * round and a run can be repeated from its seed.
 */
final class FaultPlan {

	static final List<String> MODULES = List.of("gateway", "bff-web", "user-service", "order-service",
			"payment-service");

	private final Random random;

	private final Deque<PlannedFault> round = new ArrayDeque<>();

	FaultPlan(long seed) {
		this.random = new Random(seed);
	}

	synchronized PlannedFault next() {
		if (this.round.isEmpty()) {
			List<PlannedFault> faults = new ArrayList<>();
			MODULES.forEach((module) -> faults.add(PlannedFault.kill(module)));
			faults.add(PlannedFault.restart(FaultKind.BROKER_RESTART));
			faults.add(PlannedFault.restart(FaultKind.POSTGRES_RESTART));
			faults.add(PlannedFault.restart(FaultKind.REDIS_RESTART));
			Collections.shuffle(faults, this.random);
			this.round.addAll(faults);
		}
		return this.round.poll();
	}

	/** Picks one of {@code count} instances. */
	synchronized int pick(int count) {
		return this.random.nextInt(count);
	}

}
