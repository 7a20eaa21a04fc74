package io.hashop.platform.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares topics and their dead-letter topics, created at start-up when missing. Each
 * service declares every topic it produces or consumes, so start order does not matter.
 */
public final class EventTopics {

	private EventTopics() {
	}

	/**
	 * The topics and their {@code .dlt} companions, with the platform's partitions and
	 * replicas.
	 */
	public static KafkaAdmin.NewTopics withDeadLetters(KafkaPlatformProperties properties, String... topics) {
		List<NewTopic> declared = new ArrayList<>();
		for (String topic : topics) {
			declared.add(topic(properties.topics(), topic));
			declared.add(topic(properties.topics(), DeadLetterTopics.of(topic)));
		}
		return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
	}

	private static NewTopic topic(KafkaPlatformProperties.Topics settings, String name) {
		return TopicBuilder.name(name)
			.partitions(settings.partitions())
			.replicas(settings.replicationFactor())
			.config("min.insync.replicas", String.valueOf(Math.max(1, settings.replicationFactor() - 1)))
			.build();
	}

}
