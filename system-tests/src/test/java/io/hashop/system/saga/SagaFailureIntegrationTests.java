package io.hashop.system.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.grpc.StatusRuntimeException;
import io.hashop.contracts.Topics;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderStatus;
import io.hashop.contracts.user.v1.User;
import io.hashop.launcher.infrastructure.KafkaBroker;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.system.support.Database;
import io.hashop.system.support.Figures;
import io.hashop.system.support.KafkaProbe;
import io.hashop.system.support.Metrics;
import io.hashop.system.support.SystemUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga across crashes: a relay killed between the broker's acknowledgement and
 * marking sent, payment-service down while orders pile up, the broker killed mid-run.
 * Each test leaves every process running again.
 */
class SagaFailureIntegrationTests {

	static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(150);

	static SystemUnderTest system;

	static SagaAssertions effects;

	@BeforeAll
	static void startPlatform() {
		system = SystemUnderTest.shared();
		effects = new SagaAssertions(system);
	}

	@Test
	void absorbsTheDuplicateOfARelayKilledAfterTheBrokerAcknowledged() {
		User user = system.users().register();
		ServiceHandle orderService = system.platform().process("order-service");
		orderService.stop();
		orderService.start(Map.of("PLATFORM_KAFKA_OUTBOX_HALT_AFTER_PUBLISH", "true"));
		try {
			system.orders().placePayable(user.getId(), "relay-crash");
		}
		catch (StatusRuntimeException ex) {
			// The relay may halt the process before the response is written.
		}
		OptionalInt exit = orderService.awaitExit(Duration.ofSeconds(60));
		assertThat(exit).as("order-service halted by the relay hook").hasValue(99);
		orderService.start();

		Order order = system.orders().placePayable(user.getId(), "relay-crash");
		await().atMost(RECOVERY_TIMEOUT)
			.until(() -> system.orders().status(user.getId(), order.getId()) == OrderStatus.ORDER_STATUS_PAID);
		system.kafka().awaitConsumersCaughtUp(RECOVERY_TIMEOUT);
		await().atMost(RECOVERY_TIMEOUT).untilAsserted(() -> assertThat(effects.mailsAbout(order.getId())).hasSize(1));

		List<ConsumerRecord<String, byte[]>> published = system.kafka().records(Topics.ORDERS, order.getId()::equals);
		assertThat(published).hasSize(2);
		assertThat(published).extracting((record) -> KafkaProbe.header(record, "event-id"))
			.containsOnly(KafkaProbe.header(published.get(0), "event-id"));
		assertThat(effects.payments(order.getId())).isEqualTo(1);
		assertThat(effects.paymentEvents(order.getId())).isEqualTo(1);
		assertThat(effects.appliedOutcomes(order.getId())).isEqualTo(1);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("orders", 1);
		figures.put("recordsOnOrdersTopic", published.size());
		figures.put("duplicatesOnTopic", published.size() - 1);
		figures.put("payments", effects.payments(order.getId()));
		figures.put("mails", effects.mailsAbout(order.getId()).size());
		Figures.print("relay-killed-after-ack", figures);
	}

	@Test
	void chargesEveryOrderOnceWhenPaymentServiceReturnsAfterAnOutage() throws Exception {
		User user = system.users().register();
		List<ServiceHandle> paymentService = system.platform().instances("payment-service");
		paymentService.forEach(ServiceHandle::stop);
		List<Order> orders;
		try {
			orders = placeConcurrently(user, "outage", 200);
			assertThat(system.orders().pending(user.getId(), orders)).hasSize(200);
		}
		finally {
			ServiceHandle.startAll(paymentService);
		}
		Instant restarted = Instant.now();

		await().atMost(RECOVERY_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> terminal(user) == orders.size());
		Duration drained = Duration.between(restarted, Instant.now());
		system.kafka().awaitConsumersCaughtUp(RECOVERY_TIMEOUT);

		Database payments = system.database("payments");
		Database ordersDb = system.database("orders");
		long charged = payments.number("SELECT count(*) FROM payments WHERE user_id = ?::uuid", user.getId());
		long distinct = payments.number("SELECT count(DISTINCT order_id) FROM payments WHERE user_id = ?::uuid",
				user.getId());
		long authorizedSum = payments.number(
				"SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE user_id = ?::uuid AND status = 'AUTHORIZED'",
				user.getId());
		long paidSum = ordersDb.number(
				"SELECT coalesce(sum(total_cents), 0) FROM orders WHERE user_id = ?::uuid AND status = 'PAID'",
				user.getId());
		long declined = payments.number("SELECT count(*) FROM payments WHERE user_id = ?::uuid AND status = 'DECLINED'",
				user.getId());
		long failed = ordersDb
			.number("SELECT count(*) FROM orders WHERE user_id = ?::uuid AND status = 'PAYMENT_FAILED'", user.getId());
		assertThat(charged).isEqualTo(200);
		assertThat(distinct).isEqualTo(200);
		assertThat(authorizedSum).isEqualTo(paidSum);
		assertThat(declined).isEqualTo(failed).isEqualTo(20);
		await().atMost(RECOVERY_TIMEOUT).untilAsserted(() -> assertThat(mailsFor(user)).isEqualTo(200));
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("orders", orders.size());
		figures.put("payments", charged);
		figures.put("authorized", charged - declined);
		figures.put("declined", declined);
		figures.put("sumOfChargesCents", authorizedSum);
		figures.put("sumOfPaidTotalsCents", paidSum);
		figures.put("mails", mailsFor(user));
		figures.put("drainAfterRestartMillis", drained.toMillis());
		figures.put("chargesByInstanceSinceStart", chargesByInstance(paymentService));
		Figures.print("payment-service-outage", figures);
	}

	@Test
	void losesNothingWhenTheBrokerIsKilledAndRestartedDuringARun() throws Exception {
		KafkaBroker broker = system.platform().kafka().orElseThrow();
		User user = system.users().register();
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			orders.add(system.orders().placePayable(user.getId(), "broker-a-" + i));
		}
		broker.kill();
		Instant killed = Instant.now();
		try {
			for (int i = 0; i < 20; i++) {
				orders.add(system.orders().placePayable(user.getId(), "broker-b-" + i));
			}
		}
		finally {
			broker.start();
		}
		Instant restarted = Instant.now();
		for (int i = 0; i < 20; i++) {
			orders.add(system.orders().placePayable(user.getId(), "broker-c-" + i));
		}

		await().atMost(RECOVERY_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> terminal(user) == orders.size());
		Duration recovered = Duration.between(restarted, Instant.now());
		system.kafka().awaitConsumersCaughtUp(RECOVERY_TIMEOUT);

		assertThat(system.orders().pending(user.getId(), orders)).isEmpty();
		assertThat(orders).allSatisfy((order) -> assertThat(effects.payments(order.getId())).isEqualTo(1));
		await().atMost(RECOVERY_TIMEOUT).untilAsserted(() -> assertThat(mailsFor(user)).isEqualTo(orders.size()));
		long duplicates = system.kafka()
			.records(Topics.ORDERS, orders.stream().map(Order::getId).toList()::contains)
			.size() - orders.size();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("orders", orders.size());
		figures.put("placedWhileBrokerDown", 20);
		figures.put("brokerDownIncludingRestartMillis", Duration.between(killed, restarted).toMillis());
		figures.put("allPaidAfterRestartMillis", recovered.toMillis());
		figures.put("payments", orders.stream().mapToLong((order) -> effects.payments(order.getId())).sum());
		figures.put("duplicatesOnOrdersTopic", duplicates);
		figures.put("mails", mailsFor(user));
		figures.put("paymentGroupPartitionsByMember", system.kafka().assignment("payment-service"));
		figures.put("chargesByInstanceSinceStart", chargesByInstance(system.platform().instances("payment-service")));
		Figures.print("broker-killed", figures);
	}

	private static List<Order> placeConcurrently(User user, String prefix, int count) throws Exception {
		List<Future<Order>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (int i = 0; i < count; i++) {
				String key = prefix + "-" + i;
				boolean declinable = i % 10 == 9;
				futures.add(pool.submit(() -> declinable ? system.orders().placeDeclinable(user.getId(), key)
						: system.orders()
							.place(user.getId(), key, 1 + (key.hashCode() & 1) * 4, 1 + (key.length() % 3))
							.getOrder()));
			}
			List<Order> orders = new ArrayList<>();
			for (Future<Order> future : futures) {
				orders.add(future.get());
			}
			return Collections.unmodifiableList(orders);
		}
	}

	/** Each payment-service instance's count of new payments since it started. */
	private static Map<String, Double> chargesByInstance(List<ServiceHandle> instances) {
		Map<String, Double> charges = new LinkedHashMap<>();
		for (ServiceHandle instance : instances) {
			charges.put(instance.name(),
					Metrics.sum(system, instance, "payment-service", "hashop_payments_charges_total"));
		}
		return charges;
	}

	private static long terminal(User user) {
		return system.database("orders")
			.number("SELECT count(*) FROM orders WHERE user_id = ?::uuid AND status <> 'PENDING_PAYMENT'",
					user.getId());
	}

	private static long mailsFor(User user) {
		return system.mail().received().stream().filter((mail) -> mail.recipients().contains(user.getEmail())).count();
	}

}
