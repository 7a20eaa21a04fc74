package io.hashop.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import io.hashop.platform.tracing.CurrentTraceparent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.api.callback.Callback;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka the platform way: string keys and protobuf byte values; idempotent producers with
 * {@code acks=all}, verified at start-up; consumers that start from the earliest offset
 * of a new group and dead-letter what they cannot process; and, where
 * {@code platform.kafka.outbox.enabled=true}, the outbox writer and relay and, with
 * Flyway, the outbox table ({@link OutboxSchema}); where
 * {@code platform.kafka.dedupe.table} names a table, the retention of dedupe records.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass({ KafkaTemplate.class, KafkaAutoConfiguration.class })
@EnableConfigurationProperties(KafkaPlatformProperties.class)
public class KafkaPlatformAutoConfiguration {

	@Bean
	DefaultKafkaProducerFactoryCustomizer platformKafkaProducerCustomizer() {
		return (factory) -> {
			Map<String, Object> configs = new HashMap<>();
			configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
			Map<String, Object> current = factory.getConfigurationProperties();
			// Set explicitly: left to the client, conflicting settings switch it off
			// silently.
			putIfAbsent(current, configs, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			putIfAbsent(current, configs, ProducerConfig.ACKS_CONFIG, "all");
			// Fail a send within seconds when the broker is away; the outbox sends again.
			putIfAbsent(current, configs, ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
			putIfAbsent(current, configs, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
			putIfAbsent(current, configs, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
			factory.updateConfigs(configs);
		};
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer platformKafkaConsumerCustomizer() {
		return (factory) -> {
			Map<String, Object> configs = new HashMap<>();
			configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
			configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			// A new group must see the events published before it first started.
			putIfAbsent(factory.getConfigurationProperties(), configs, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
					"earliest");
			// A killed instance never leaves its group: its partitions wait for the
			// session to
			// expire. Kafka's 45 s default would stall payments for longer than
			// order-service
			// waits before asking for one again; 10 s (heartbeat every 3 s) bounds the
			// stall.
			putIfAbsent(factory.getConfigurationProperties(), configs, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
					10_000);
			putIfAbsent(factory.getConfigurationProperties(), configs, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
					3_000);
			factory.updateConfigs(configs);
		};
	}

	@Bean
	ProducerSettingsVerifier kafkaProducerSettingsVerifier(ProducerFactory<?, ?> producerFactory) {
		return new ProducerSettingsVerifier(producerFactory);
	}

	@Bean
	DeadLetterCounter kafkaDeadLetterCounter(MeterRegistry meters) {
		return new DeadLetterCounter(meters);
	}

	@Bean
	CommonErrorHandler kafkaEventErrorHandler(KafkaTemplate<?, ?> kafkaTemplate, KafkaPlatformProperties properties,
			DeadLetterCounter deadLetters) {
		return EventErrorHandlers.deadLettering(kafkaTemplate, properties.retry(), deadLetters);
	}

	private static void putIfAbsent(Map<String, Object> current, Map<String, Object> configs, String key,
			Object value) {
		if (!current.containsKey(key)) {
			configs.put(key, value);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcClient.class)
	@ConditionalOnBooleanProperty("platform.kafka.outbox.enabled")
	static class OutboxConfiguration {

		@Bean
		@SuppressWarnings("unchecked")
		OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager,
				KafkaTemplate<?, ?> kafkaTemplate, KafkaPlatformProperties properties) {
			return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager),
					(KafkaTemplate<String, byte[]>) kafkaTemplate, properties.outbox());
		}

		@Bean
		OutboxWriter outboxWriter(JdbcClient jdbc, OutboxRelay relay, ObjectProvider<Tracer> tracer,
				ObjectProvider<Propagator> propagator) {
			return new OutboxWriter(jdbc, relay,
					CurrentTraceparent.of(tracer.getIfAvailable(), propagator.getIfAvailable()));
		}

		@Bean
		OutboxMetrics outboxMetrics(OutboxRelay relay) {
			return relay.metrics();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	@ConditionalOnBooleanProperty("platform.kafka.outbox.enabled")
	static class OutboxSchemaConfiguration {

		/**
		 * Picked up by Spring Boot's Flyway: the outbox after the service's migrations.
		 */
		@Bean
		Callback outboxSchemaMigration() {
			return OutboxSchema.afterServiceMigrations();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcClient.class)
	@ConditionalOnProperty("platform.kafka.dedupe.table")
	static class DedupeRetentionConfiguration {

		@Bean
		DedupeRetention dedupeRetention(JdbcClient jdbc, KafkaPlatformProperties properties) {
			return new DedupeRetention(jdbc, properties.dedupe());
		}

	}

}
