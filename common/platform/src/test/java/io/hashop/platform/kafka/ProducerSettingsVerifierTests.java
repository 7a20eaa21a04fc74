package io.hashop.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProducerSettingsVerifierTests {

	@Test
	void acceptsAnIdempotentProducerWithAcksAll() {
		assertThatNoException().isThrownBy(() -> ProducerSettingsVerifier.verify(settings(Map.of())));
	}

	@Test
	void failsWhenIdempotenceIsSwitchedOff() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ProducerSettingsVerifier.verify(settings(
					Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all"))))
			.withMessageContaining("idempotence is off");
	}

	@Test
	void failsWhenAcksIsNotAll() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ProducerSettingsVerifier.verify(
					settings(Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false))))
			.withMessageContaining("idempotence is off");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ProducerSettingsVerifier.verify(settings(Map.of(ProducerConfig.ACKS_CONFIG, "1"))))
			.withMessageContaining("invalid");
	}

	@Test
	void failsOnSettingsThatConflictWithIdempotence() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ProducerSettingsVerifier
				.verify(settings(Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 10))))
			.withMessageContaining("invalid");
	}

	private static Map<String, Object> settings(Map<String, Object> overrides) {
		Map<String, Object> settings = new HashMap<>();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:19092");
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.putAll(overrides);
		return settings;
	}

}
