package io.hashop.system.chaos;

import org.junit.jupiter.api.Test;

import static io.hashop.system.chaos.ChaosFixtures.order;
import static io.hashop.system.chaos.ChaosFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryTests {

	@Test
	void dropsReadsBeyondItsCapacityButKeepsEveryAcceptedOrder() {
		History history = new History(2);

		history.record(request(Operation.DASHBOARD, 0, 10, 200));
		history.record(request(Operation.DASHBOARD, 10, 10, 200));
		history.record(request(Operation.DASHBOARD, 20, 10, 200));
		history.record(order("ada-1", 30, 201, "o1", 100));

		assertThat(history.exchanges()).hasSize(3)
			.last()
			.satisfies((kept) -> assertThat(kept.orderId()).isEqualTo("o1"));
		assertThat(history.dropped()).isEqualTo(1);
	}

}
