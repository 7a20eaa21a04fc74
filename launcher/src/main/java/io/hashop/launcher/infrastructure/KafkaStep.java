package io.hashop.launcher.infrastructure;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kafka: the external cluster named by {@code KAFKA_BOOTSTRAP_SERVERS}, or else a local
 * {@link KafkaBroker} process.
 */
public final class KafkaStep implements InfrastructureStep {

	private final String external;

	private final Supplier<KafkaBroker> localBroker;

	private KafkaBroker broker;

	public KafkaStep(Map<String, String> env, Supplier<KafkaBroker> localBroker) {
		String value = env.get("KAFKA_BOOTSTRAP_SERVERS");
		this.external = (value != null && !value.isBlank()) ? value : null;
		this.localBroker = localBroker;
	}

	@Override
	public Map<String, String> start() {
		if (this.external != null) {
			return Map.of("KAFKA_BOOTSTRAP_SERVERS", this.external);
		}
		this.broker = this.localBroker.get();
		this.broker.start();
		return Map.of("KAFKA_BOOTSTRAP_SERVERS", this.broker.bootstrapServers());
	}

	/** Where the services reach Kafka; once started. */
	public String bootstrapServers() {
		return (this.external != null) ? this.external : this.broker.bootstrapServers();
	}

	/** The local broker, unless an external cluster is used. */
	public Optional<KafkaBroker> broker() {
		return Optional.ofNullable(this.broker);
	}

	@Override
	public String description() {
		return (this.external != null) ? "Kafka " + this.external + " (external)"
				: "Kafka " + this.broker.bootstrapServers() + " (local broker process, KRaft)";
	}

	@Override
	public void close() {
		if (this.broker != null) {
			Infrastructure.quietly("Kafka", this.broker::close);
		}
	}

}
