package io.hashop.platform.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerDefaultsTests {

	private final KafkaPlatformAutoConfiguration configuration = new KafkaPlatformAutoConfiguration();

	@Test
	void aKilledConsumersPartitionsMoveWithinTenSeconds() {
		DefaultKafkaConsumerFactory<Object, Object> factory = new DefaultKafkaConsumerFactory<>(Map.of());
		this.configuration.platformKafkaConsumerCustomizer().customize(factory);
		assertThat(factory.getConfigurationProperties()).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
			.containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000)
			.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
	}

	@Test
	void keepsWhatTheServiceConfigured() {
		DefaultKafkaConsumerFactory<Object, Object> factory = new DefaultKafkaConsumerFactory<>(Map
			.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
		this.configuration.platformKafkaConsumerCustomizer().customize(factory);
		assertThat(factory.getConfigurationProperties()).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000)
			.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
	}

}
