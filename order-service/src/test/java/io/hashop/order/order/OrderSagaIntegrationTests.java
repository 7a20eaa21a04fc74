package io.hashop.order.order;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.protobuf.Message;
import io.hashop.contracts.Topics;
import io.hashop.contracts.order.v1.OrderPlacedEvent;
import io.hashop.contracts.payment.v1.PaymentAuthorizedEvent;
import io.hashop.contracts.payment.v1.PaymentDeclinedEvent;
import io.hashop.devinfra.test.TestConsumer;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.kafka.DeadLetterTopics;
import io.hashop.platform.kafka.DedupeRetention;
import io.hashop.platform.kafka.EventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123" })
@WithTestDatabase
@WithTestKafka
class OrderSagaIntegrationTests {

	static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Autowired
	OrderPlacement placement;

	@Autowired
	Tracer tracer;

	@Autowired
	Propagator propagator;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PaymentRedrive redrive;

	@Autowired
	DedupeRetention dedupeRetention;

	TestConsumer consumer;

	final UUID alice = UUID.randomUUID();

	@BeforeEach
	void openConsumer() {
		this.consumer = TestConsumer.of(this.broker);
	}

	@AfterEach
	void closeConsumer() {
		this.consumer.close();
	}

	@Test
	void publishesTheOrderPlacedEventThroughTheOutboxWithItsHeaders() throws Exception {
		Order order = place("outbox-1", 2);

		ConsumerRecord<String, byte[]> record = awaitRecord(Topics.ORDERS, order.id().toString());

		OrderPlacedEvent event = OrderPlacedEvent.parseFrom(record.value());
		assertThat(header(record, EventHeaders.TYPE)).isEqualTo("hashop.order.v1.OrderPlacedEvent");
		assertThat(header(record, EventHeaders.ID)).isEqualTo(event.getEventId());
		assertThat(header(record, EventHeaders.TRACEPARENT))
			.matches("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01");
		assertThat(event.getOrderId()).isEqualTo(order.id().toString());
		assertThat(event.getUserId()).isEqualTo(this.alice.toString());
		assertThat(event.getTotalCents()).isEqualTo(2 * 2490);
		await().untilAsserted(() -> assertThat(
				this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ? AND sent_at IS NOT NULL")
					.param(order.id().toString())
					.query(Long.class)
					.single())
			.isEqualTo(1));
	}

	@Test
	void replayingAPlacementWritesNoSecondEvent() {
		Order first = place("replayed", 1);
		Order again = place("replayed", 1);

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ?")
			.param(first.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void marksAnOrderPaidOnceAndAbsorbsDuplicatesAndLateOutcomes() {
		Order order = place("paid-once", 1);
		double paidBefore = paidChanges();
		UUID authorized = UUID.randomUUID();

		send(order.id(), authorized, authorized(order));
		send(order.id(), authorized, authorized(order));
		send(order.id(), UUID.randomUUID(), declined(order));

		await().untilAsserted(() -> assertThat(processedEvents(order.id())).isEqualTo(2));
		assertThat(status(order.id())).isEqualTo("PAID");
		assertThat(paidChanges()).isEqualTo(paidBefore + 1);
	}

	@Test
	void marksAnOrderPaymentFailedWhenDeclined() {
		Order order = place("declined", 1);

		send(order.id(), UUID.randomUUID(), declined(order));

		await().untilAsserted(() -> assertThat(status(order.id())).isEqualTo("PAYMENT_FAILED"));
	}

	@Test
	void deadLettersPoisonWithoutBlockingTheValidOutcomes() {
		List<Order> orders = new ArrayList<>();
		List<String> poisonKeys = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Order order = place("poison-" + i, 1);
			orders.add(order);
			String key = "poison-" + UUID.randomUUID();
			poisonKeys.add(key);
			byte[] garbage = ("garbage " + i).getBytes(StandardCharsets.UTF_8);
			String type = switch (i) {
				case 0 -> "hashop.payment.v1.PaymentAuthorizedEvent";
				case 1 -> "hashop.payment.v1.PaymentRefundedEvent";
				default -> null;
			};
			this.kafka.send(record(key, UUID.randomUUID(), type, garbage));
			send(order.id(), UUID.randomUUID(), authorized(order));
		}

		await().untilAsserted(
				() -> assertThat(orders).allSatisfy((order) -> assertThat(status(order.id())).isEqualTo("PAID")));
		for (String key : poisonKeys) {
			ConsumerRecord<String, byte[]> dead = awaitRecord(DeadLetterTopics.of(Topics.PAYMENTS), key);
			assertThat(new String(dead.value(), StandardCharsets.UTF_8)).startsWith("garbage ");
			assertThat(header(dead, "kafka_dlt-exception-message")).isNotBlank();
			assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.PAYMENTS);
		}
	}

	@Test
	void redrivesEachStuckOrderOnceWhenInstancesLookAtTheSameTime() throws Exception {
		List<String> stuck = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			stuck.add(place("stuck-" + i, 1).id().toString());
		}
		await().until(
				() -> this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_key IN (:ids) AND sent_at IS NOT NULL")
					.param("ids", stuck)
					.query(Long.class)
					.single() == 12);
		// Their requests went out an hour ago and no outcome came.
		this.jdbc.sql("UPDATE outbox SET sent_at = sent_at - interval '1 hour' WHERE message_key IN (:ids)")
			.param("ids", stuck)
			.update();
		this.jdbc
			.sql("UPDATE orders SET next_payment_request_at = now() - interval '1 second' WHERE id::text IN (:ids)")
			.param("ids", stuck)
			.update();

		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService instances = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> passes = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				passes.add(instances.submit(() -> {
					start.await();
					return this.redrive.redriveDue();
				}));
			}
			start.countDown();
			for (Future<Integer> pass : passes) {
				pass.get();
			}
		}

		for (String orderId : stuck) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ?")
				.param(orderId)
				.query(Long.class)
				.single()).as(orderId).isEqualTo(2);
			assertThat(this.jdbc.sql("SELECT payment_requests FROM orders WHERE id = ?")
				.param(UUID.fromString(orderId))
				.query(Integer.class)
				.single()).as(orderId).isEqualTo(2);
		}
	}

	@Test
	void deletesProcessedEventsOlderThanTheRetentionAndKeepsRecentOnes() {
		UUID old = processedEvent("16 days");
		UUID recent = processedEvent("1 day");

		assertThat(this.dedupeRetention.purge()).isGreaterThanOrEqualTo(1);

		assertThat(this.jdbc.sql("SELECT event_id FROM processed_events WHERE event_id IN (?, ?)")
			.params(old, recent)
			.query(UUID.class)
			.list()).containsExactly(recent);
	}

	@Test
	void exportsTheOutboxFigures() {
		assertThat(this.meters.get("hashop.outbox.parked").gauge().value()).isZero();
		assertThat(this.meters.get("hashop.outbox.backlog").gauge()).isNotNull();
		assertThat(this.meters.get("hashop.outbox.oldest.unsent.age").gauge()).isNotNull();
	}

	private UUID processedEvent(String age) {
		UUID eventId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO processed_events (event_id, order_id, event_type, processed_at)
				VALUES (?, ?, 'test', now() - CAST(? AS interval))
				""").params(eventId, UUID.randomUUID(), age).update();
		return eventId;
	}

	/**
	 * Places an order in a span of the trace {@link #TRACEPARENT}, as a traced gRPC call
	 * does.
	 */
	private Order place(String key, int quantity) {
		Span span = this.propagator.extract(Map.of("traceparent", TRACEPARENT), Map::get).name("place").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return this.placement
				.place(this.alice, new PlaceOrderCommand(key, List.of(new PlaceOrderCommand.Item(1, quantity))))
				.order();
		}
		finally {
			span.end();
		}
	}

	private static PaymentAuthorizedEvent authorized(Order order) {
		return PaymentAuthorizedEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrderId(order.id().toString())
			.setPaymentId(UUID.randomUUID().toString())
			.setUserId(order.userId().toString())
			.setAmountCents(order.totalCents())
			.setCurrency(order.currency())
			.build();
	}

	private static PaymentDeclinedEvent declined(Order order) {
		return PaymentDeclinedEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrderId(order.id().toString())
			.setPaymentId(UUID.randomUUID().toString())
			.setUserId(order.userId().toString())
			.setAmountCents(order.totalCents())
			.setCurrency(order.currency())
			.setReason("AMOUNT_ABOVE_LIMIT")
			.build();
	}

	private void send(UUID orderId, UUID eventId, Message event) {
		this.kafka
			.send(record(orderId.toString(), eventId, event.getDescriptorForType().getFullName(), event.toByteArray()));
	}

	private static ProducerRecord<String, byte[]> record(String key, UUID eventId, String type, byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		if (type != null) {
			headers.add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		}
		headers.add(EventHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(Topics.PAYMENTS, null, key, value, headers);
	}

	private ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
		return this.consumer.awaitRecords(topic, key, 1).get(0);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private String status(UUID orderId) {
		return this.jdbc.sql("SELECT status FROM orders WHERE id = ?").param(orderId).query(String.class).single();
	}

	private long processedEvents(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM processed_events WHERE order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	private double paidChanges() {
		var counter = this.meters.find("hashop.orders.payment.outcomes").tag("status", "PAID").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
