package io.hashop.platform.kafka;

import java.util.Arrays;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Counts the records moved to a dead-letter topic, by the topic they came from
 * ({@code hashop.kafka.dead.letters}). Each consumed topic's counter exists at zero from
 * start-up, so that the first dead letter is an increase an alert can see.
 */
public class DeadLetterCounter {

	private final MeterRegistry meters;

	DeadLetterCounter(MeterRegistry meters) {
		this.meters = meters;
	}

	void count(String topic) {
		counter(topic).increment();
	}

	@EventListener(ApplicationReadyEvent.class)
	void registerConsumedTopics(ApplicationReadyEvent event) {
		event.getApplicationContext()
			.getBeanProvider(KafkaListenerEndpointRegistry.class)
			.ifAvailable((registry) -> registry.getListenerContainers()
				.stream()
				.map(MessageListenerContainer::getContainerProperties)
				.filter((properties) -> properties.getTopics() != null)
				.flatMap((properties) -> Arrays.stream(properties.getTopics()))
				.forEach(this::counter));
	}

	private Counter counter(String topic) {
		return Counter.builder("hashop.kafka.dead.letters")
			.description("Records moved to the dead-letter topic, by the topic they came from")
			.tag("topic", topic)
			.register(this.meters);
	}

}
