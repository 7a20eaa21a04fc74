package io.hashop.system.saga;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.hashop.contracts.Topics;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderPlacedEvent;
import io.hashop.contracts.order.v1.OrderStatus;
import io.hashop.contracts.user.v1.User;
import io.hashop.system.support.Figures;
import io.hashop.system.support.KafkaProbe;
import io.hashop.system.support.Metrics;
import io.hashop.system.support.SystemUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga on a healthy platform: both outcomes, redelivery of every event, poison
 * records. Nothing here stops a process, so the platform is shared with the failure tests
 * that run after this class.
 */
class SagaEndToEndIntegrationTests {

	static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

	static SystemUnderTest system;

	static SagaAssertions effects;

	@BeforeAll
	static void startPlatform() {
		system = SystemUnderTest.shared();
		effects = new SagaAssertions(system);
	}

	@Test
	void paysAnOrderEndToEndAndMailsItsOwnerOnce() {
		User user = system.users().register();
		List<Long> latencies = new ArrayList<>();
		Order first = null;
		for (int i = 0; i < 20; i++) {
			Order order = system.orders().placePayable(user.getId(), "happy-" + i);
			long placedAt = System.nanoTime();
			await().atMost(SAGA_TIMEOUT)
				.pollInterval(Duration.ofMillis(10))
				.until(() -> system.orders().status(user.getId(), order.getId()) == OrderStatus.ORDER_STATUS_PAID);
			latencies.add((System.nanoTime() - placedAt) / 1_000_000);
			first = (first != null) ? first : order;
		}
		Order order = first;

		JsonNode payment = system.payments().ofOrder(user.getId(), order.getId()).orElseThrow();
		assertThat(payment.get("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(payment.get("amountCents").asLong()).isEqualTo(order.getTotalCents());
		await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(effects.mailsAbout(order.getId())).hasSize(1));
		assertThat(effects.mailsAbout(order.getId()).get(0).recipients()).containsExactly(user.getEmail());
		assertThat(effects.mailsAbout(order.getId()).get(0).subject()).contains("is paid");
		Collections.sort(latencies);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("orders", latencies.size());
		figures.put("orderToPaidMillisP50", latencies.get(latencies.size() / 2));
		figures.put("orderToPaidMillisP95", latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1));
		figures.put("orderToPaidMillisMax", latencies.get(latencies.size() - 1));
		Figures.print("happy-path", figures);
	}

	@Test
	void failsThePaymentOfAnOrderAboveTheLimitAndMailsItsOwnerOnce() {
		User user = system.users().register();

		Order order = system.orders().placeDeclinable(user.getId(), "decline");

		await().atMost(SAGA_TIMEOUT)
			.until(() -> system.orders()
				.status(user.getId(), order.getId()) == OrderStatus.ORDER_STATUS_PAYMENT_FAILED);
		JsonNode payment = system.payments().ofOrder(user.getId(), order.getId()).orElseThrow();
		assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
		assertThat(payment.get("declineReason").asString()).isEqualTo("AMOUNT_ABOVE_LIMIT");
		await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(effects.mailsAbout(order.getId())).hasSize(1));
		assertThat(effects.mailsAbout(order.getId()).get(0).subject()).contains("declined");
	}

	@Test
	void hasOneEffectPerEventWhenEveryEventIsDeliveredTwice() {
		User user = system.users().register();
		double statusChangesBefore = statusChanges();
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			orders.add((i % 5 == 4) ? system.orders().placeDeclinable(user.getId(), "twice-" + i)
					: system.orders().placePayable(user.getId(), "twice-" + i));
		}
		await().atMost(SAGA_TIMEOUT).until(() -> system.orders().pending(user.getId(), orders).isEmpty());
		system.kafka().awaitConsumersCaughtUp(SAGA_TIMEOUT);

		Set<String> ids = Set.copyOf(orders.stream().map(Order::getId).toList());
		List<ConsumerRecord<String, byte[]>> events = new ArrayList<>(
				system.kafka().records(Topics.ORDERS, ids::contains));
		events.addAll(system.kafka().records(Topics.PAYMENTS, ids::contains));
		events.forEach(system.kafka()::resend);
		system.kafka().awaitConsumersCaughtUp(SAGA_TIMEOUT);
		await().atMost(SAGA_TIMEOUT)
			.untilAsserted(() -> assertThat(orders)
				.allSatisfy((order) -> assertThat(effects.mailsAbout(order.getId())).hasSize(1)));

		assertThat(events).hasSize(2 * orders.size());
		for (Order order : orders) {
			assertThat(effects.payments(order.getId())).as("payments of %s", order.getId()).isEqualTo(1);
			assertThat(effects.paymentEvents(order.getId())).isEqualTo(1);
			assertThat(effects.appliedOutcomes(order.getId())).isEqualTo(1);
			assertThat(system.kafka().records(Topics.ORDERS, order.getId()::equals)).hasSize(2);
		}
		assertThat(statusChanges() - statusChangesBefore).isEqualTo(orders.size());
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("orders", orders.size());
		figures.put("eventsRedelivered", events.size());
		figures.put("payments", orders.stream().mapToLong((order) -> effects.payments(order.getId())).sum());
		figures.put("statusChanges", (long) (statusChanges() - statusChangesBefore));
		figures.put("mails", orders.stream().mapToLong((order) -> effects.mailsAbout(order.getId()).size()).sum());
		Figures.print("every-event-twice", figures);
	}

	@Test
	void deadLettersExactlyThePoisonRecordsAndProcessesEveryValidOne() {
		User user = system.users().register();
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<Order> orders = new ArrayList<>();
		List<String> ordersPoison = new ArrayList<>();
		List<String> paymentsPoison = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			orders.add(system.orders().placePayable(user.getId(), "poison-" + run + "-" + i));
			String key = "poison-" + run + "-" + i;
			byte[] garbage = ("garbage " + i).getBytes(StandardCharsets.UTF_8);
			String type = switch (i % 3) {
				case 0 -> null;
				case 1 -> "hashop.order.v1.OrderCancelledEvent";
				default -> "hashop.order.v1.OrderPlacedEvent";
			};
			system.kafka().send(poison(Topics.ORDERS, key, type, garbage));
			ordersPoison.add(key);
			if (i % 2 == 0) {
				String paymentType = (i == 0) ? "hashop.payment.v1.PaymentAuthorizedEvent"
						: "hashop.payment.v1.PaymentRefundedEvent";
				system.kafka().send(poison(Topics.PAYMENTS, key + "-p", paymentType, garbage));
				paymentsPoison.add(key + "-p");
			}
		}

		await().atMost(SAGA_TIMEOUT).until(() -> system.orders().pending(user.getId(), orders).isEmpty());
		system.kafka().awaitConsumersCaughtUp(SAGA_TIMEOUT);

		List<ConsumerRecord<String, byte[]>> ordersDead = system.kafka()
			.records(Topics.ORDERS + ".dlt", (key) -> key != null && key.startsWith("poison-" + run));
		List<ConsumerRecord<String, byte[]>> paymentsDead = system.kafka()
			.records(Topics.PAYMENTS + ".dlt", (key) -> key != null && key.startsWith("poison-" + run));
		assertThat(ordersDead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ordersPoison);
		assertThat(ordersDead).allSatisfy((dead) -> {
			assertThat(new String(dead.value(), StandardCharsets.UTF_8)).startsWith("garbage ");
			assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-message")).isNotBlank();
		});
		// Two groups consume payments.v1: each dead-letters the poison once.
		assertThat(paymentsDead)
			.extracting((dead) -> dead.key() + "@" + KafkaProbe.header(dead, "kafka_dlt-original-consumer-group"))
			.containsExactlyInAnyOrderElementsOf(paymentsPoison.stream()
				.flatMap((key) -> List.of(key + "@order-service", key + "@user-service").stream())
				.toList());
		Set<String> valid = Set.copyOf(orders.stream().map(Order::getId).toList());
		assertThat(system.kafka().records(Topics.ORDERS + ".dlt", valid::contains)).isEmpty();
		assertThat(orders).allSatisfy((order) -> assertThat(system.orders().status(user.getId(), order.getId()))
			.isEqualTo(OrderStatus.ORDER_STATUS_PAID));
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("validOrders", orders.size());
		figures.put("poisonSent", ordersPoison.size() + paymentsPoison.size());
		figures.put("ordersDlt", ordersDead.size());
		figures.put("paymentsDlt", paymentsDead.size());
		Figures.print("poison", figures);
	}

	@Test
	void sharesTheOrdersTopicAmongThePaymentServiceInstances() {
		await().atMost(SAGA_TIMEOUT)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(system.kafka().assignment("payment-service")).hasSize(2)
				.allSatisfy((member, partitions) -> assertThat(partitions).isPositive()));
		Figures.print("consumer-group", Map.of("paymentServicePartitionsByMember",
				unchecked(() -> system.kafka().assignment("payment-service"))));
	}

	@Test
	void publishesOrderPlacedEventsWithTypeIdAndTime() throws Exception {
		User user = system.users().register();
		Order order = system.orders().placePayable(user.getId(), "headers");

		await().atMost(SAGA_TIMEOUT)
			.until(() -> !system.kafka().records(Topics.ORDERS, order.getId()::equals).isEmpty());

		ConsumerRecord<String, byte[]> record = system.kafka().records(Topics.ORDERS, order.getId()::equals).get(0);
		OrderPlacedEvent event = OrderPlacedEvent.parseFrom(record.value());
		assertThat(KafkaProbe.header(record, "event-type")).isEqualTo("hashop.order.v1.OrderPlacedEvent");
		assertThat(KafkaProbe.header(record, "event-id")).isEqualTo(event.getEventId());
		assertThat(KafkaProbe.header(record, "event-time")).isNotBlank();
		assertThat(event.getTotalCents()).isEqualTo(order.getTotalCents());
	}

	private static ProducerRecord<String, byte[]> poison(String topic, String key, String type, byte[] value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
		if (type != null) {
			record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
		}
		record.headers().add("event-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static Object unchecked(java.util.concurrent.Callable<?> call) {
		try {
			return call.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** order-service's count of status changes, from its Prometheus endpoint. */
	private static double statusChanges() {
		return Metrics.sum(system, system.platform().process("order-service"), "order-service",
				"hashop_orders_payment_outcomes_total");
	}

}
