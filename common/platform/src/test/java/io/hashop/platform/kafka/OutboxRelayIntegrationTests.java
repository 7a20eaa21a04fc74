package io.hashop.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Timestamp;
import io.hashop.devinfra.PostgresServer;
import io.hashop.devinfra.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class OutboxRelayIntegrationTests {

	static EmbeddedKafkaKraftBroker broker;

	static JdbcClient jdbc;

	static TransactionTemplate transactions;

	String topic;

	@BeforeAll
	static void startInfrastructure() {
		broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.afterPropertiesSet();
		PostgresServer postgres = TestInfrastructure.postgres();
		String database = "outbox_t" + UUID.randomUUID().toString().substring(0, 8);
		postgres.createDatabaseIfMissing(database);
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
				postgres.jdbcUrl(database), postgres.username(), postgres.password());
		jdbc = JdbcClient.create(dataSource);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		OutboxSchema.migrate(dataSource);
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@BeforeEach
	void newTopic() {
		this.topic = "outbox-" + UUID.randomUUID();
		broker.addTopics(this.topic);
		jdbc.sql("DELETE FROM outbox").update();
	}

	@Test
	void relaysEachEntryExactlyOnceWithThreeRelaysAtATime() throws Exception {
		List<OutboxRelay> relays = List.of(relay(kafka(broker.getBrokersAsString())),
				relay(kafka(broker.getBrokersAsString())), relay(kafka(broker.getBrokersAsString())));
		List<UUID> appended = append(relays.get(0), 300);

		List<Callable<Integer>> drains = relays.stream().<Callable<Integer>>map((relay) -> () -> {
			int total = 0;
			int sent;
			do {
				sent = relay.relayBatch();
				total += sent;
			}
			while (sent > 0);
			return total;
		}).toList();
		List<Integer> perRelay = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
			for (Future<Integer> drained : pool.invokeAll(drains)) {
				perRelay.add(drained.get());
			}
		}

		Map<String, Long> published = publishedEventIds(appended.size());
		assertThat(perRelay.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
		assertThat(published).hasSize(300).allSatisfy((eventId, copies) -> assertThat(copies).isEqualTo(1));
		assertThat(published.keySet())
			.containsExactlyInAnyOrderElementsOf(appended.stream().map(UUID::toString).toList());
		assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single()).isZero();
	}

	@Test
	void leavesABatchUnsentWhenTheBrokerDoesNotAcknowledge() {
		OutboxRelay relay = relay(kafka("127.0.0.1:1"));
		append(relay, 3);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(relay::relayBatch);

		assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single())
			.isEqualTo(3);
		// An outage is not the entries' fault: it counts no attempts and parks nothing.
		assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE attempts > 0 OR parked_at IS NOT NULL")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void parksAnEntryThatAlwaysFailsWhileItsNeighboursAreSentExactlyOnce() {
		OutboxRelay relay = relay(kafka(broker.getBrokersAsString()), 3);
		List<UUID> neighbours = new ArrayList<>(append(relay, 5));
		// Larger than the producer's max.request.size (1 MB): the client refuses it,
		// every time.
		UUID poison = appendEvent(relay, BytesValue.of(ByteString.copyFrom(new byte[1_100_000])));
		neighbours.addAll(append(relay, 10));

		await().atMost(Duration.ofSeconds(30)).until(() -> {
			relay.relayBatch();
			return jdbc.sql("SELECT parked_at IS NOT NULL FROM outbox WHERE event_id = ?")
				.param(poison)
				.query(Boolean.class)
				.single();
		});
		for (int i = 0; i < 5; i++) {
			relay.relayBatch();
		}

		Map<String, Long> published = publishedEventIds(neighbours.size());
		assertThat(published).hasSize(neighbours.size()).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
		assertThat(published.keySet())
			.containsExactlyInAnyOrderElementsOf(neighbours.stream().map(UUID::toString).toList());
		assertThat(jdbc.sql("SELECT attempts, last_error, sent_at FROM outbox WHERE event_id = ?")
			.param(poison)
			.query((row, rowNum) -> List.of(row.getInt("attempts"), row.getString("last_error"),
					String.valueOf(row.getTimestamp("sent_at"))))
			.single()).satisfiesExactly((attempts) -> assertThat(attempts).isEqualTo(3),
					(error) -> assertThat((String) error).contains("RecordTooLargeException"),
					(sentAt) -> assertThat(sentAt).isEqualTo("null"));
		relay.refreshStats();
		assertThat(relay.metrics().stats().parked()).isEqualTo(1);
		assertThat(relay.metrics().stats().backlog()).isZero();
	}

	@Test
	void backsOffAFailingEntryAndCountsItsBacklog() {
		OutboxRelay relay = relay(kafka(broker.getBrokersAsString()), 10);
		UUID poison = appendEvent(relay, BytesValue.of(ByteString.copyFrom(new byte[1_100_000])));

		relay.relayBatch();
		relay.relayBatch();

		assertThat(
				jdbc.sql("SELECT attempts FROM outbox WHERE event_id = ?").param(poison).query(Integer.class).single())
			.isEqualTo(1);
		relay.refreshStats();
		assertThat(relay.metrics().stats().backlog()).isEqualTo(1);
		assertThat(relay.metrics().stats().parked()).isZero();
		assertThat(relay.backOff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(relay.backOff(4)).isEqualTo(Duration.ofSeconds(8));
		assertThat(relay.backOff(30)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void deletesSentEntriesAfterTheRetentionInBatchesAndKeepsTheRest() {
		OutboxRelay relay = relay(kafka(broker.getBrokersAsString()), 10);
		insertRows(2_500, "sent_at = now() - interval '8 days'");
		insertRows(5, "sent_at = now() - interval '6 days'");
		insertRows(3, "sent_at = NULL");
		insertRows(2, "sent_at = NULL, parked_at = now() - interval '30 days'");

		BatchedDelete.Purged purged = relay.cleanUp();

		assertThat(purged).isEqualTo(new BatchedDelete.Purged(2_500, 3));
		assertThat(jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isEqualTo(10);
	}

	@Test
	void sendsEachEntryInTheTraceOfTheWorkThatWroteIt() {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		OutboxRelay relay = relay(kafka(broker.getBrokersAsString()));
		OutboxWriter writer = new OutboxWriter(jdbc, relay, () -> traceparent);
		transactions.executeWithoutResult((status) -> writer.append(this.topic, "traced", UUID.randomUUID(),
				Instant.now(), Timestamp.getDefaultInstance()));

		relay.relayBatch();

		assertThat(publishedRecords(1)).singleElement()
			.satisfies((record) -> assertThat(
					new String(record.headers().lastHeader(EventHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8))
				.isEqualTo(traceparent));
	}

	@Test
	void refusesToWriteOutsideATransaction() {
		OutboxWriter writer = new OutboxWriter(jdbc, relay(kafka(broker.getBrokersAsString())), () -> null);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> writer.append(this.topic, "key",
				UUID.randomUUID(), Instant.now(), Timestamp.getDefaultInstance(), null));
	}

	private UUID appendEvent(OutboxRelay relay, com.google.protobuf.Message event) {
		UUID eventId = UUID.randomUUID();
		transactions.executeWithoutResult((status) -> new OutboxWriter(jdbc, relay, () -> null).append(this.topic,
				"poison", eventId, Instant.now(), event, null));
		return eventId;
	}

	private static void insertRows(int count, String assignments) {
		jdbc.sql("""
				INSERT INTO outbox (event_id, topic, message_key, event_type, payload, occurred_at)
				SELECT gen_random_uuid(), 't', 'k', 'type', '\\x00', now() - interval '30 days'
				FROM generate_series(1, :count)
				""").param("count", count).update();
		jdbc.sql("UPDATE outbox SET " + assignments + " WHERE topic = 't'").update();
		jdbc.sql("UPDATE outbox SET topic = 'done' WHERE topic = 't'").update();
	}

	private List<UUID> append(OutboxRelay relay, int count) {
		OutboxWriter writer = new OutboxWriter(jdbc, relay, () -> null);
		List<UUID> ids = new ArrayList<>();
		transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < count; i++) {
				UUID eventId = UUID.randomUUID();
				ids.add(eventId);
				writer.append(this.topic, "order-" + i, eventId, Instant.now(),
						Timestamp.newBuilder().setSeconds(i).build(), null);
			}
		});
		return ids;
	}

	private OutboxRelay relay(KafkaTemplate<String, byte[]> kafka) {
		return relay(kafka, 10);
	}

	private OutboxRelay relay(KafkaTemplate<String, byte[]> kafka, int maxAttempts) {
		return new OutboxRelay(jdbc, transactions, kafka,
				new KafkaPlatformProperties.Outbox(true, Duration.ofMillis(50), 10, Duration.ofSeconds(5),
						Duration.ofDays(7), false, maxAttempts, Duration.ofSeconds(1), Duration.ofMinutes(5), 1_000));
	}

	private static KafkaTemplate<String, byte[]> kafka(String bootstrapServers) {
		Map<String, Object> settings = new HashMap<>();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
		return new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(settings, new StringSerializer(), new ByteArraySerializer()));
	}

	private Map<String, Long> publishedEventIds(int expected) {
		return publishedRecords(expected).stream()
			.map((record) -> new String(record.headers().lastHeader(EventHeaders.ID).value(), StandardCharsets.UTF_8))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private List<ConsumerRecord<String, byte[]>> publishedRecords(int expected) {
		Map<String, Object> settings = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
		settings.put("auto.offset.reset", "earliest");
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(),
				new ByteArrayDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(this.topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= expected;
			});
			// Anything beyond the expected records would be a double relay.
			consumer.poll(Duration.ofMillis(500)).forEach(records::add);
		}
		return records;
	}

}
