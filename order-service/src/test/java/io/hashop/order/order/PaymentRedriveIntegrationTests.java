package io.hashop.order.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.Message;
import io.hashop.contracts.Topics;
import io.hashop.contracts.order.v1.OrderPlacedEvent;
import io.hashop.contracts.payment.v1.PaymentAuthorizedEvent;
import io.hashop.contracts.payment.v1.PaymentDeclinedEvent;
import io.hashop.devinfra.test.TestConsumer;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.kafka.EventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
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

/**
 * Orders whose payment outcome never comes, with no payment-service listening: they are
 * asked for again, with back-off, until an outcome arrives, and late outcomes are
 * absorbed. Times are shortened: 1 s timeout, 2 s cap.
 */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123", "hashop.order.payment-redrive.timeout=1s",
		"hashop.order.payment-redrive.max-backoff=2s", "hashop.order.payment-redrive.interval=200ms" })
@WithTestDatabase
@WithTestKafka
class PaymentRedriveIntegrationTests {

	@Autowired
	OrderPlacement placement;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

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
	void asksAgainForThePaymentOfAnOrderWhoseOutcomeNeverCameUntilItIsDecided() throws Exception {
		double redrivesBefore = this.meters.get("hashop.orders.payment.redrives").counter().count();
		Order order = place("never-answered");

		List<ConsumerRecord<String, byte[]>> requests = awaitRecords(Topics.ORDERS, order.id().toString(), 2);

		OrderPlacedEvent first = OrderPlacedEvent.parseFrom(requests.get(0).value());
		OrderPlacedEvent again = OrderPlacedEvent.parseFrom(requests.get(1).value());
		assertThat(again.getEventId()).isNotEqualTo(first.getEventId());
		assertThat(header(requests.get(1), EventHeaders.ID)).isEqualTo(again.getEventId());
		assertThat(again.toBuilder().setEventId(first.getEventId()).build()).isEqualTo(first);
		assertThat(header(requests.get(1), EventHeaders.TYPE)).isEqualTo("hashop.order.v1.OrderPlacedEvent");
		assertThat(paymentRequests(order.id())).isGreaterThanOrEqualTo(2);
		assertThat(this.meters.get("hashop.orders.payment.redrives").counter().count())
			.isGreaterThanOrEqualTo(redrivesBefore + 1);
		await().untilAsserted(
				() -> assertThat(this.meters.get("hashop.orders.payment.stuck").gauge().value()).isGreaterThan(0));
		assertThat(this.meters.get("hashop.orders.payment.pending.oldest.age").gauge().value()).isGreaterThan(0);
	}

	@Test
	void stopsAskingOnceDecidedAndAbsorbsTheOutcomesOfEveryRequest() {
		Order order = place("answered-late");
		awaitRecords(Topics.ORDERS, order.id().toString(), 2);
		double paidBefore = paidChanges();

		send(order.id(), authorized(order));
		await().untilAsserted(() -> assertThat(status(order.id())).isEqualTo("PAID"));
		// The answers to the other requests: the same payment re-published, and a stray
		// decline.
		send(order.id(), authorized(order));
		send(order.id(), declined(order));

		await().untilAsserted(() -> assertThat(processedEvents(order.id())).isEqualTo(3));
		assertThat(status(order.id())).isEqualTo("PAID");
		assertThat(paidChanges()).isEqualTo(paidBefore + 1);
		long requests = outboxEntries(order.id());
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> outboxEntries(order.id()) == requests);
	}

	@Test
	void asksAgainWithAWaitThatDoublesUpToTheCap() {
		Order order = place("backing-off");

		await().atMost(Duration.ofSeconds(30)).until(() -> sentOutboxEntries(order.id()) >= 3);

		List<Long> gapsMillis = this.jdbc.sql("""
				SELECT (extract(epoch FROM sent_at - lag(sent_at) OVER (ORDER BY id)) * 1000)::bigint FROM outbox
				WHERE message_key = ? AND sent_at IS NOT NULL ORDER BY id
				""").param(order.id().toString()).query(Long.class).list();
		// Each wait runs from the commit of a request, which is published a few
		// milliseconds later.
		assertThat(gapsMillis.get(1)).isGreaterThanOrEqualTo(900);
		assertThat(gapsMillis.get(2)).isGreaterThanOrEqualTo(1_900);
		assertThat(
				this.jdbc.sql("SELECT next_payment_request_at - now() <= interval '2 seconds' FROM orders WHERE id = ?")
					.param(order.id())
					.query(Boolean.class)
					.single())
			.isTrue();
	}

	private Order place(String key) {
		return this.placement.place(this.alice, new PlaceOrderCommand(key, List.of(new PlaceOrderCommand.Item(2, 1))))
			.order();
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

	private void send(UUID orderId, Message event) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventHeaders.TYPE, event.getDescriptorForType().getFullName().getBytes(StandardCharsets.UTF_8));
		headers.add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		this.kafka.send(new ProducerRecord<>(Topics.PAYMENTS, null, orderId.toString(), event.toByteArray(), headers));
	}

	private List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key, int count) {
		return this.consumer.awaitRecords(topic, key, count);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private String status(UUID orderId) {
		return this.jdbc.sql("SELECT status FROM orders WHERE id = ?").param(orderId).query(String.class).single();
	}

	private int paymentRequests(UUID orderId) {
		return this.jdbc.sql("SELECT payment_requests FROM orders WHERE id = ?")
			.param(orderId)
			.query(Integer.class)
			.single();
	}

	private long outboxEntries(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ?")
			.param(orderId.toString())
			.query(Long.class)
			.single();
	}

	private long sentOutboxEntries(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ? AND sent_at IS NOT NULL")
			.param(orderId.toString())
			.query(Long.class)
			.single();
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
