package io.hashop.bench.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Measurement;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The yardstick of the saga: records produced at the same rate to a topic of the same
 * broker, with the platform's producer settings ({@code acks=all}, idempotent), and
 * consumed by a consumer group; the latency of each is its receipt minus its send time.
 */
final class RawKafkaArm implements Arm {

	private final String bootstrapServers;

	private final int perSecond;

	private final String topic = "bench.raw." + UUID.randomUUID();

	private boolean created;

	RawKafkaArm(String bootstrapServers, int perSecond) {
		this.bootstrapServers = bootstrapServers;
		this.perSecond = perSecond;
	}

	@Override
	public String name() {
		return "raw Kafka";
	}

	@Override
	public String description() {
		return this.perSecond + " records/s of 136 bytes, produce (acks=all, idempotent) → consume, same broker";
	}

	@Override
	public Measurement run(Duration duration) throws Exception {
		createTopic();
		List<Double> millis = new ArrayList<>();
		long count = duration.toSeconds() * this.perSecond;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings());
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings())) {
			consumer.subscribe(List.of(this.topic));
			while (consumer.assignment().isEmpty()) {
				consumer.poll(Duration.ofMillis(100));
			}
			consumer.seekToEnd(consumer.assignment());
			consumer.assignment().forEach(consumer::position);
			Thread sender = new Thread(() -> send(producer, count), "bench-raw-kafka-producer");
			sender.start();
			long deadline = System.nanoTime() + duration.plusSeconds(30).toNanos();
			while (millis.size() < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
					long sentNanos = Long.parseLong(record.key());
					millis.add((System.nanoTime() - sentNanos) / 1_000_000.0);
				}
			}
			sender.join();
		}
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put(Measurement.THROUGHPUT, millis.size() / (double) duration.toSeconds());
		figures.put(Measurement.P50, Percentiles.of(millis, 0.50));
		figures.put(Measurement.P99, Percentiles.of(millis, 0.99));
		return new Measurement(figures, count - millis.size());
	}

	private void send(KafkaProducer<String, byte[]> producer, long count) {
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / this.perSecond;
		long start = System.nanoTime();
		byte[] value = new byte[136];
		for (long i = 0; i < count; i++) {
			long wait = start + i * intervalNanos - System.nanoTime();
			if (wait > 0) {
				try {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			// The key carries the send time: one clock, this JVM's.
			producer.send(new ProducerRecord<>(this.topic, Long.toString(System.nanoTime()), value));
		}
		producer.flush();
	}

	private void createTopic() throws Exception {
		if (!this.created) {
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrapServers))) {
				admin.createTopics(List.of(new NewTopic(this.topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
			}
			this.created = true;
		}
	}

	private Properties producerSettings() {
		Properties settings = new Properties();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return settings;
	}

	private Properties consumerSettings() {
		Properties settings = new Properties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		return settings;
	}

}
