package io.hashop.launcher;

import java.util.Map;

/**
 * Kafka: for now only an external broker named by {@code KAFKA_BOOTSTRAP_SERVERS} is
 * passed through; a local broker process will be started here later.
 */
final class KafkaStep implements InfrastructureStep {

	private final String bootstrapServers;

	KafkaStep(Map<String, String> env) {
		String value = env.get("KAFKA_BOOTSTRAP_SERVERS");
		this.bootstrapServers = (value != null && !value.isBlank()) ? value : null;
	}

	@Override
	public Map<String, String> start() {
		return (this.bootstrapServers != null) ? Map.of("KAFKA_BOOTSTRAP_SERVERS", this.bootstrapServers) : Map.of();
	}

	@Override
	public String description() {
		return (this.bootstrapServers != null) ? "Kafka " + this.bootstrapServers + " (external)"
				: "Kafka not configured (KAFKA_BOOTSTRAP_SERVERS is unset)";
	}

	@Override
	public void close() {
	}

}
