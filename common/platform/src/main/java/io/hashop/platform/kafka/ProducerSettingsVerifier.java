package io.hashop.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Fails the start-up unless the effective producer configuration is idempotent with
 * {@code acks=all}: conflicting settings would otherwise silently turn idempotence off
 * (and with it the guarantee that a retried send is not written twice).
 */
class ProducerSettingsVerifier implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(ProducerSettingsVerifier.class);

	private final ProducerFactory<?, ?> producerFactory;

	ProducerSettingsVerifier(ProducerFactory<?, ?> producerFactory) {
		this.producerFactory = producerFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		verify(this.producerFactory.getConfigurationProperties());
	}

	/**
	 * Checks the configuration as the Kafka client itself would resolve it.
	 * @throws IllegalStateException if idempotence is off or acks is not all
	 */
	static void verify(Map<String, Object> configuration) {
		ProducerConfig effective;
		try {
			effective = new ProducerConfig(new HashMap<>(configuration));
		}
		catch (ConfigException ex) {
			throw new IllegalStateException("The Kafka producer configuration is invalid: " + ex.getMessage(), ex);
		}
		boolean idempotent = effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
		String acks = effective.getString(ProducerConfig.ACKS_CONFIG);
		if (!idempotent) {
			throw new IllegalStateException("Kafka producer idempotence is off (enable.idempotence=false): "
					+ "retried sends could be written twice. Remove the setting that turns it off.");
		}
		if (!"-1".equals(acks) && !"all".equalsIgnoreCase(acks)) {
			throw new IllegalStateException(
					"Kafka producer acks=" + acks + ": the platform requires acks=all so that no event is lost.");
		}
		logger.info("Kafka producer: enable.idempotence=true, acks=all, max.in.flight.requests.per.connection={}",
				effective.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
	}

}
