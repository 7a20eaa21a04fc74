package io.hashop.system.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.hashop.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads whole topics, produces raw records (duplicates, poison) and waits until the
 * services' consumer groups have processed everything.
 */
public final class KafkaProbe implements AutoCloseable {

	/** Each consumer group and the topic it consumes. */
	static final Map<String, String> GROUPS = Map.of("payment-service", Topics.ORDERS, "order-service", Topics.PAYMENTS,
			"user-service", Topics.PAYMENTS);

	private final String bootstrapServers;

	private final KafkaProducer<String, byte[]> producer;

	private final Admin admin;

	KafkaProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		Map<String, Object> producer = new HashMap<>();
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** Every record of the topic now, in partition and offset order. */
	public List<ConsumerRecord<String, byte[]>> records(String topic) {
		return records(topic, (key) -> true);
	}

	/** The records of the topic whose key matches. */
	public List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<String> keys) {
		Properties settings = new Properties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (keys.test(record.key())) {
						found.add(record);
					}
				});
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= end.get(partition));
			});
			return found;
		}
	}

	/** Sends a record and waits for the broker's acknowledgement. */
	public void send(ProducerRecord<String, byte[]> record) {
		try {
			this.producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Could not send to " + record.topic(), ex);
		}
	}

	/**
	 * Sends the same key, value and headers again: a redelivery as the consumers see it.
	 */
	public void resend(ConsumerRecord<String, byte[]> record) {
		ProducerRecord<String, byte[]> again = new ProducerRecord<>(record.topic(), null, record.key(), record.value());
		for (Header header : record.headers()) {
			again.headers().add(header);
		}
		send(again);
	}

	/** Waits until every service's consumer group has committed the end of its topic. */
	public void awaitConsumersCaughtUp(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> lag() == 0);
	}

	/** Records published but not yet processed, over all groups. */
	public long lag() throws Exception {
		long lag = 0;
		for (Map.Entry<String, String> group : GROUPS.entrySet()) {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group.getKey())
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			this.admin.describeTopics(List.of(group.getValue()))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(group.getValue())
				.partitions()
				.forEach((partition) -> latest.put(new TopicPartition(group.getValue(), partition.partition()),
						OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = this.admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS);
			for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
				OffsetAndMetadata done = committed.get(end.getKey());
				lag += end.getValue().offset() - ((done != null) ? done.offset() : 0);
			}
		}
		return lag;
	}

	/**
	 * How many partitions each member of a consumer group is assigned, by member id
	 * (client ids repeat across processes).
	 */
	public Map<String, Integer> assignment(String group) throws Exception {
		Map<String, Integer> partitions = new java.util.TreeMap<>();
		this.admin.describeConsumerGroups(List.of(group))
			.describedGroups()
			.get(group)
			.get(10, TimeUnit.SECONDS)
			.members()
			.forEach((member) -> partitions.put(member.consumerId(), member.assignment().topicPartitions().size()));
		return partitions;
	}

	/** A header's value as text, or {@code null}. */
	public static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		this.admin.close(Duration.ofSeconds(5));
	}

}
