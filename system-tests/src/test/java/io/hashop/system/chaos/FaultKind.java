package io.hashop.system.chaos;

/** What a fault does. */
enum FaultKind {

	/** SIGKILL of one instance of a service; the launcher's supervisor restarts it. */
	KILL("SIGKILL"),

	/** The Kafka broker stopped and started again on the same port and data. */
	BROKER_RESTART("Kafka broker restart"),

	/** PostgreSQL stopped and started again on the same port and data. */
	POSTGRES_RESTART("PostgreSQL restart"),

	/** Redis stopped and started again on the same port and data. */
	REDIS_RESTART("Redis restart");

	private final String label;

	FaultKind(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
