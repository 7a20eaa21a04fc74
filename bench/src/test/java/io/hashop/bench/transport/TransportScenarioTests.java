package io.hashop.bench.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.hashop.bench.harness.Measurement;
import io.hashop.bench.harness.Scenario;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransportScenarioTests {

	/** This JVM's JDK: 21+ when Maven runs the tests (the toolchain). */
	private static final TransportArm.Host HOST = new TransportArm.Host(
			Path.of(System.getProperty("java.home"), "bin", "java"), List.of("--enable-native-access=ALL-UNNAMED"),
			TransportScenario.CALLERS);

	@Test
	void eachArmMakesCallsWithoutFailuresAndMeasuresThem() throws Exception {
		for (TransportArm arm : TransportScenario.arms(HOST)) {
			try (arm) {
				Measurement measurement = arm.run(Duration.ofSeconds(1));
				assertThat(measurement.failures()).as(arm.name() + " failures").isZero();
				assertThat(measurement.figure(Measurement.THROUGHPUT)).as(arm.name() + " req/s").isPositive();
				assertThat(measurement.figure(CallCount.CALLS_PER_CPU_SECOND)).as(arm.name() + " calls/CPU-s")
					.isPositive();
			}
		}
	}

	@Test
	void comparesGrpcWithFeignPerCpuSecondAgainstTwo() {
		Scenario scenario = TransportScenario.create(HOST.java(), List.of());
		assertThat(scenario.id()).isEqualTo("S4");
		assertThat(scenario.arms()).extracting("name").containsExactly("gRPC", "Feign");
		assertThat(scenario.goal().isMetBy(2.0)).isTrue();
		assertThat(scenario.goal().isMetBy(1.9)).isFalse();
	}

	@Test
	void readsBackTheCountTheHostReports() {
		CallCount count = new CallCount(1200, 3, 2_000_000_000L, 1_000_000_000L, "java.io.IOException: reset");
		CallCount parsed = CallCount.parse(count.toLine());
		assertThat(parsed).isEqualTo(count);
		Measurement measurement = parsed.toMeasurement();
		assertThat(measurement.figure(CallCount.CALLS_PER_CPU_SECOND)).isEqualTo(600.0);
		assertThat(measurement.figure(Measurement.THROUGHPUT)).isEqualTo(1200.0);
		assertThat(measurement.failures()).isEqualTo(3);
	}

	@Test
	void bothArmsCarryTheSamePage() {
		ListOrdersResponse proto = SampleOrders.proto();
		OrderPage json = SampleOrders.json();
		assertThat(proto.getOrdersCount()).isEqualTo(json.orders().size()).isEqualTo(SampleOrders.PAGE_SIZE);
		assertThat(proto.getNextCursor()).isEqualTo(json.nextCursor());
		for (int i = 0; i < json.orders().size(); i++) {
			Order message = proto.getOrders(i);
			OrderPage.Order order = json.orders().get(i);
			assertThat(message.getId()).isEqualTo(order.id());
			assertThat(message.getUserId()).isEqualTo(order.userId());
			assertThat(message.getStatus().name()).isEqualTo("ORDER_STATUS_" + order.status());
			assertThat(message.getTotalCents()).isEqualTo(order.totalCents());
			assertThat(message.getCurrency()).isEqualTo(order.currency());
			assertThat(message.getCreatedAt().getSeconds()).isEqualTo(order.createdAt().getEpochSecond());
			assertThat(message.getCreatedAt().getNanos()).isEqualTo(order.createdAt().getNano());
			assertThat(message.getItemsCount()).isEqualTo(order.items().size());
			for (int l = 0; l < order.items().size(); l++) {
				OrderPage.Line line = order.items().get(l);
				assertThat(message.getItems(l).getProductId()).isEqualTo(line.productId());
				assertThat(message.getItems(l).getSku()).isEqualTo(line.sku());
				assertThat(message.getItems(l).getName()).isEqualTo(line.name());
				assertThat(message.getItems(l).getQuantity()).isEqualTo(line.quantity());
				assertThat(message.getItems(l).getUnitPriceCents()).isEqualTo(line.unitPriceCents());
				assertThat(message.getItems(l).getLineTotalCents()).isEqualTo(line.lineTotalCents());
			}
		}
	}

}
