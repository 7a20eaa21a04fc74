package io.hashop.platform.kafka;

/**
 * Where records that cannot be processed go: {@code <topic>.dlt}, one per source topic.
 */
public final class DeadLetterTopics {

	/** Appended to a topic's name to name its dead-letter topic. */
	public static final String SUFFIX = ".dlt";

	private DeadLetterTopics() {
	}

	/** The dead-letter topic of a topic. */
	public static String of(String topic) {
		return topic + SUFFIX;
	}

}
