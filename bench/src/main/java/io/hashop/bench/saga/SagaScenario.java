package io.hashop.bench.saga;

import java.util.List;

import io.hashop.bench.harness.Goal;
import io.hashop.bench.harness.Measurement;
import io.hashop.bench.harness.Ratio;
import io.hashop.bench.harness.Scenario;
import io.hashop.bench.platform.BenchPlatform;
import io.hashop.bench.platform.Shopper;

/** S7: how much slower the order-to-payment saga is than one raw Kafka hop. */
public final class SagaScenario {

	/** Well below what the platform absorbs, so the figure is latency, not queueing. */
	static final int ORDERS_PER_SECOND = 20;

	private SagaScenario() {
	}

	public static Scenario create(BenchPlatform platform, Shopper shopper) {
		OrderPacer pacer = new OrderPacer(platform.bffUrl(), shopper.writeHeaders());
		return new Scenario("S7", "saga p99 (order accepted → PAID) ÷ raw Kafka produce → consume p99, same broker",
				new Ratio("saga ÷ raw Kafka p99", "saga", "raw Kafka", Measurement.P99), Goal.atMost(5),
				List.of(new SagaArm(pacer, ORDERS_PER_SECOND, platform.launcherPlatform().postgres()),
						new RawKafkaArm(platform.launcherPlatform().kafkaBootstrapServers(), ORDERS_PER_SECOND)));
	}

}
