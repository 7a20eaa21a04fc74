package io.hashop.order.config;

import io.hashop.contracts.Topics;
import io.hashop.platform.kafka.EventTopics;
import io.hashop.platform.kafka.KafkaPlatformProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service produces and consumes, with their dead-letter topics. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	KafkaAdmin.NewTopics sagaTopics(KafkaPlatformProperties properties) {
		return EventTopics.withDeadLetters(properties, Topics.ORDERS, Topics.PAYMENTS);
	}

}
