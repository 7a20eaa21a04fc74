package io.hashop.payment.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.hashop.contracts.Topics;
import io.hashop.contracts.order.v1.OrderPlacedEvent;
import io.hashop.contracts.payment.v1.PaymentAuthorizedEvent;
import io.hashop.contracts.payment.v1.PaymentDeclinedEvent;
import io.hashop.devinfra.test.TestConsumer;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.kafka.DeadLetterTopics;
import io.hashop.platform.kafka.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.hashop.platform.kafka.DedupeRetention;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123",
		"platform.kafka.retry.max-interval=300ms" })
@WithTestDatabase
@WithTestKafka
@Import(OrderChargingIntegrationTests.ProviderDoubleConfiguration.class)
class OrderChargingIntegrationTests {

	static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProviderDouble provider;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DedupeRetention dedupeRetention;

	TestConsumer consumer;

	/**
	 * A failure injected into the payment transaction after the provider call: inserting
	 * the payment of an order listed in {@code test_failing_payments} raises the listed
	 * SQLSTATE, as if the process had died between the charge and the commit.
	 */
	@BeforeEach
	void prepareFailureInjection() {
		this.jdbc.sql("""
				CREATE TABLE IF NOT EXISTS test_failing_payments (order_id uuid PRIMARY KEY, sql_state char(5) NOT NULL)
				""").update();
		this.jdbc.sql("""
				CREATE OR REPLACE FUNCTION test_fail_payment() RETURNS trigger LANGUAGE plpgsql AS $$
				DECLARE
				    state char(5);
				BEGIN
				    SELECT sql_state INTO state FROM test_failing_payments WHERE order_id = NEW.order_id;
				    IF FOUND THEN
				        RAISE EXCEPTION 'Injected failure after the provider charged order %', NEW.order_id
				            USING ERRCODE = state;
				    END IF;
				    RETURN NEW;
				END $$
				""").update();
		this.jdbc.sql("""
				CREATE OR REPLACE TRIGGER test_fail_payment BEFORE INSERT ON payments
				FOR EACH ROW EXECUTE FUNCTION test_fail_payment()
				""").update();
	}

	@BeforeEach
	void openConsumer() {
		this.consumer = TestConsumer.of(this.broker);
	}

	@AfterEach
	void closeConsumer() {
		this.consumer.close();
	}

	@Test
	void chargesAPlacedOrderAndPublishesTheAuthorizationWithTheTrace() throws Exception {
		OrderPlacedEvent placed = placed(4_980);

		send(placed, UUID.fromString(placed.getEventId()));

		ConsumerRecord<String, byte[]> record = awaitRecords(Topics.PAYMENTS, placed.getOrderId(), 1).get(0);
		PaymentAuthorizedEvent authorized = PaymentAuthorizedEvent.parseFrom(record.value());
		assertThat(header(record, EventHeaders.TYPE)).isEqualTo("hashop.payment.v1.PaymentAuthorizedEvent");
		// The order's trace, from this service's own span (the listener's).
		assertThat(header(record, EventHeaders.TRACEPARENT))
			.matches("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01");
		assertThat(authorized.getAmountCents()).isEqualTo(4_980);
		assertThat(authorized.getUserId()).isEqualTo(placed.getUserId());
		assertThat(paymentStatuses(placed.getOrderId())).containsExactly("AUTHORIZED");
	}

	@Test
	void declinesAnAmountAboveTheLimit() throws Exception {
		OrderPlacedEvent placed = placed(747_000);

		send(placed, UUID.fromString(placed.getEventId()));

		ConsumerRecord<String, byte[]> record = awaitRecords(Topics.PAYMENTS, placed.getOrderId(), 1).get(0);
		assertThat(PaymentDeclinedEvent.parseFrom(record.value()).getReason()).isEqualTo("AMOUNT_ABOVE_LIMIT");
		assertThat(paymentStatuses(placed.getOrderId())).containsExactly("DECLINED");
	}

	@Test
	void chargesOnceWhateverIsRedelivered() {
		OrderPlacedEvent placed = placed(1_290);
		UUID eventId = UUID.fromString(placed.getEventId());

		for (int i = 0; i < 3; i++) {
			send(placed, eventId);
		}
		send(placed, UUID.randomUUID());

		await().untilAsserted(() -> assertThat(processed(placed.getOrderId())).isEqualTo(2));
		assertThat(paymentStatuses(placed.getOrderId())).containsExactly("AUTHORIZED");
		assertThat(this.provider.calls(placed.getOrderId())).isEqualTo(1);
		assertThat(providerCharges(placed.getOrderId())).isEqualTo(1);
		// One answer per distinct event: the second event id gets the one payment's
		// outcome again.
		assertThat(outboxEntries(placed.getOrderId())).isEqualTo(2);
		assertThat(paymentIdsInOutbox(placed.getOrderId())).hasSize(1);
	}

	@Test
	void retriesWhileTheProviderIsUnavailableAndChargesOnce() {
		OrderPlacedEvent placed = placed(2_490);
		this.provider.failFirstCalls(placed.getOrderId(), 3);

		send(placed, UUID.fromString(placed.getEventId()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(paymentStatuses(placed.getOrderId())).containsExactly("AUTHORIZED"));
		assertThat(this.provider.calls(placed.getOrderId())).isEqualTo(4);
		assertThat(providerCharges(placed.getOrderId())).isEqualTo(1);
		assertThat(outboxEntries(placed.getOrderId())).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM payments WHERE order_id = ?")
			.param(UUID.fromString(placed.getOrderId()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void retriesWhenTheProvidersAnswerIsLostAfterChargingAndChargesOnce() {
		OrderPlacedEvent placed = placed(1_990);
		this.provider.loseFirstAnswers(placed.getOrderId(), 2);

		send(placed, UUID.fromString(placed.getEventId()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(paymentStatuses(placed.getOrderId())).containsExactly("AUTHORIZED"));
		assertThat(this.provider.calls(placed.getOrderId())).isEqualTo(3);
		assertThat(providerCharges(placed.getOrderId())).isEqualTo(1);
		assertThat(paymentReference(placed.getOrderId())).isEqualTo(providerReference(placed.getOrderId()));
		assertThat(outboxEntries(placed.getOrderId())).isEqualTo(1);
	}

	@Test
	void completesAPaymentWhoseTransactionFailedAfterTheProviderChargedWithoutChargingAgain() throws Exception {
		OrderPlacedEvent placed = placed(3_390);
		failPaymentsOf(placed.getOrderId(), "40001");

		send(placed, UUID.fromString(placed.getEventId()));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.provider.calls(placed.getOrderId()) >= 3);
		assertThat(providerCharges(placed.getOrderId())).isEqualTo(1);
		assertThat(paymentStatuses(placed.getOrderId())).isEmpty();
		assertThat(outboxEntries(placed.getOrderId())).isZero();
		stopFailingPaymentsOf(placed.getOrderId());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(paymentStatuses(placed.getOrderId())).containsExactly("AUTHORIZED"));
		assertThat(providerCharges(placed.getOrderId())).isEqualTo(1);
		assertThat(paymentReference(placed.getOrderId())).isEqualTo(providerReference(placed.getOrderId()));
		assertThat(
				PaymentAuthorizedEvent.parseFrom(awaitRecords(Topics.PAYMENTS, placed.getOrderId(), 1).get(0).value())
					.getAmountCents())
			.isEqualTo(3_390);
		assertThat(outboxEntries(placed.getOrderId())).isEqualTo(1);
	}

	@Test
	void completesADeadLetteredChargeWhenTheOrderIsRequestedAgain() throws Exception {
		OrderPlacedEvent placed = placed(4_470);
		failPaymentsOf(placed.getOrderId(), "P0001");

		send(placed, UUID.fromString(placed.getEventId()));

		awaitRecords(DeadLetterTopics.of(Topics.ORDERS), placed.getOrderId(), 1);
		assertThat(providerCharges(placed.getOrderId())).isEqualTo(1);
		assertThat(paymentStatuses(placed.getOrderId())).isEmpty();
		stopFailingPaymentsOf(placed.getOrderId());
		// order-service re-drives an order whose outcome never came: the same order, a
		// new event id.
		send(placed, UUID.randomUUID());

		ConsumerRecord<String, byte[]> outcome = awaitRecords(Topics.PAYMENTS, placed.getOrderId(), 1).get(0);
		assertThat(PaymentAuthorizedEvent.parseFrom(outcome.value()).getAmountCents()).isEqualTo(4_470);
		assertThat(paymentStatuses(placed.getOrderId())).containsExactly("AUTHORIZED");
		assertThat(providerCharges(placed.getOrderId())).isEqualTo(1);
		assertThat(this.provider.calls(placed.getOrderId())).isEqualTo(5);
	}

	@Test
	void republishesTheOutcomeOfAnOrderPaidBeforeWithoutChargingAgain() throws Exception {
		for (long amount : new long[] { 4_200, 640_000 }) {
			OrderPlacedEvent placed = placed(amount);
			String status = (amount <= 500_000) ? "AUTHORIZED" : "DECLINED";
			double republishedBefore = republished(status);
			send(placed, UUID.fromString(placed.getEventId()));
			ConsumerRecord<String, byte[]> first = awaitRecords(Topics.PAYMENTS, placed.getOrderId(), 1).get(0);

			send(placed, UUID.randomUUID());

			List<ConsumerRecord<String, byte[]>> outcomes = awaitRecords(Topics.PAYMENTS, placed.getOrderId(), 2);
			assertThat(outcomes).hasSize(2);
			assertThat(outcomes).extracting((record) -> header(record, EventHeaders.TYPE))
				.containsOnly(header(first, EventHeaders.TYPE));
			assertThat(outcomes).extracting((record) -> header(record, EventHeaders.ID)).doesNotHaveDuplicates();
			assertThat(outcomes).extracting(OrderChargingIntegrationTests::paymentId).containsOnly(paymentId(first));
			assertThat(paymentStatuses(placed.getOrderId())).containsExactly(status);
			assertThat(providerCharges(placed.getOrderId())).isEqualTo(1);
			assertThat(this.provider.calls(placed.getOrderId())).isEqualTo(1);
			assertThat(outboxEntries(placed.getOrderId())).isEqualTo(2);
			assertThat(republished(status)).isEqualTo(republishedBefore + 1);
		}
	}

	@Test
	void deadLettersPoisonWithoutBlockingValidOrders() {
		double deadBefore = this.meters.get("hashop.kafka.dead.letters").tag("topic", Topics.ORDERS).counter().count();
		String garbageKey = "poison-" + UUID.randomUUID();
		String unknownKey = "poison-" + UUID.randomUUID();
		byte[] garbage = { (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef };
		this.kafka.send(record(garbageKey, UUID.randomUUID(), "hashop.order.v1.OrderPlacedEvent", garbage));
		OrderPlacedEvent valid = placed(590);
		send(valid, UUID.fromString(valid.getEventId()));
		this.kafka.send(record(unknownKey, UUID.randomUUID(), "hashop.order.v1.OrderCancelledEvent", garbage));

		await().untilAsserted(() -> assertThat(paymentStatuses(valid.getOrderId())).containsExactly("AUTHORIZED"));
		ConsumerRecord<String, byte[]> dead = awaitRecords(DeadLetterTopics.of(Topics.ORDERS), garbageKey, 1).get(0);
		assertThat(dead.value()).isEqualTo(garbage);
		assertThat(header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
		assertThat(awaitRecords(DeadLetterTopics.of(Topics.ORDERS), unknownKey, 1)).hasSize(1);
		assertThat(this.meters.get("hashop.kafka.dead.letters").tag("topic", Topics.ORDERS).counter().count())
			.isGreaterThanOrEqualTo(deadBefore + 2);
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

	private UUID processedEvent(String age) {
		UUID eventId = UUID.randomUUID();
		this.jdbc.sql(
				"INSERT INTO processed_events (event_id, order_id, processed_at) VALUES (?, ?, now() - CAST(? AS interval))")
			.params(eventId, UUID.randomUUID(), age)
			.update();
		return eventId;
	}

	private static OrderPlacedEvent placed(long totalCents) {
		return OrderPlacedEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrderId(UUID.randomUUID().toString())
			.setUserId(UUID.randomUUID().toString())
			.setTotalCents(totalCents)
			.setCurrency("EUR")
			.build();
	}

	private void send(OrderPlacedEvent event, UUID eventId) {
		this.kafka.send(record(event.getOrderId(), eventId, "hashop.order.v1.OrderPlacedEvent", event.toByteArray()));
	}

	private static ProducerRecord<String, byte[]> record(String key, UUID eventId, String type, byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		headers.add(EventHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
		headers.add(EventHeaders.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(Topics.ORDERS, null, key, value, headers);
	}

	private List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key, int count) {
		return this.consumer.awaitRecords(topic, key, count);
	}

	private List<String> paymentStatuses(String orderId) {
		return this.jdbc.sql("SELECT status FROM payments WHERE order_id = ?")
			.param(UUID.fromString(orderId))
			.query(String.class)
			.list();
	}

	private long processed(String orderId) {
		return this.jdbc.sql("SELECT count(*) FROM processed_events WHERE order_id = ?")
			.param(UUID.fromString(orderId))
			.query(Long.class)
			.single();
	}

	private long outboxEntries(String orderId) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	private long providerCharges(String orderId) {
		return this.jdbc.sql("SELECT count(*) FROM provider_charges WHERE idempotency_key = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	private String providerReference(String orderId) {
		return this.jdbc.sql("SELECT provider_reference FROM provider_charges WHERE idempotency_key = ?")
			.param(orderId)
			.query(String.class)
			.single();
	}

	private String paymentReference(String orderId) {
		return this.jdbc.sql("SELECT provider_reference FROM payments WHERE order_id = ?")
			.param(UUID.fromString(orderId))
			.query(String.class)
			.single();
	}

	private List<String> paymentIdsInOutbox(String orderId) {
		return this.jdbc.sql("SELECT payload FROM outbox WHERE message_key = ?")
			.param(orderId)
			.query((row, rowNum) -> row.getBytes("payload"))
			.list()
			.stream()
			.map((payload) -> paymentId("hashop.payment.v1.PaymentAuthorizedEvent", payload))
			.distinct()
			.toList();
	}

	private void failPaymentsOf(String orderId, String sqlState) {
		this.jdbc.sql("INSERT INTO test_failing_payments (order_id, sql_state) VALUES (?, ?)")
			.params(UUID.fromString(orderId), sqlState)
			.update();
	}

	private void stopFailingPaymentsOf(String orderId) {
		this.jdbc.sql("DELETE FROM test_failing_payments WHERE order_id = ?").param(UUID.fromString(orderId)).update();
	}

	private double republished(String status) {
		var counter = this.meters.find("hashop.payments.outcomes.republished").tag("status", status).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String paymentId(ConsumerRecord<String, byte[]> record) {
		return paymentId(header(record, EventHeaders.TYPE), record.value());
	}

	private static String paymentId(String type, byte[] payload) {
		try {
			return "hashop.payment.v1.PaymentAuthorizedEvent".equals(type)
					? PaymentAuthorizedEvent.parseFrom(payload).getPaymentId()
					: PaymentDeclinedEvent.parseFrom(payload).getPaymentId();
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ProviderDoubleConfiguration {

		@Bean
		@Primary
		ProviderDouble providerDouble(JdbcClient jdbc, PlatformTransactionManager transactionManager,
				MeterRegistry meters) {
			return new ProviderDouble(jdbc, transactionManager, meters);
		}

	}

}
