package io.hashop.platform.redis;

/**
 * Redis settings that contradict each other or are incomplete; the message is the one
 * sentence an operator reads.
 */
final class InconsistentRedisSettingsException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	InconsistentRedisSettingsException(String sentence) {
		super("Inconsistent Redis settings: " + sentence);
	}

}
