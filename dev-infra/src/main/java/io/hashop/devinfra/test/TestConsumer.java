package io.hashop.devinfra.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.awaitility.Awaitility.await;

/**
 * Reads what a test published, the platform's way (string keys, protobuf bytes): a
 * consumer in a new group from the earliest offset, so nothing published before it
 * subscribed is missed. Open one per test and close it after.
 */
public final class TestConsumer implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final Consumer<String, byte[]> consumer;

	private TestConsumer(Consumer<String, byte[]> consumer) {
		this.consumer = consumer;
	}

	/** A consumer of the broker in a group of its own. */
	public static TestConsumer of(EmbeddedKafkaBroker broker) {
		Map<String, Object> settings = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
		settings.put("auto.offset.reset", "earliest");
		return new TestConsumer(
				new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(), new ByteArrayDeserializer())
					.createConsumer());
	}

	/**
	 * Waits up to 30 s until {@code count} records with the key came to the topic.
	 * @return the records with the key seen until then, in the order they came
	 */
	public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key, int count) {
		return awaitRecords(topic, (record) -> key.equals(record.key()), count);
	}

	/**
	 * Waits up to 30 s until {@code count} records of the topic match.
	 * @return the matching records seen until then, in the order they came
	 */
	public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
			Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
		this.consumer.subscribe(List.of(topic));
		List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
		await().atMost(WAIT).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
				if (matching.test(record)) {
					seen.add(record);
				}
			});
			return seen.size() >= count;
		});
		this.consumer.unsubscribe();
		return seen;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
