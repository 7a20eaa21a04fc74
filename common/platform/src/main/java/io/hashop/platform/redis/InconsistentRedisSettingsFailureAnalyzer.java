package io.hashop.platform.redis;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports contradictory Redis settings as Spring Boot's "APPLICATION FAILED TO START"
 * block: the sentence and what to set, without a stack trace.
 */
public class InconsistentRedisSettingsFailureAnalyzer
		extends AbstractFailureAnalyzer<InconsistentRedisSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InconsistentRedisSettingsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set REDIS_HOST (and REDIS_PORT) for one Redis node, or REDIS_SENTINEL_MASTER and REDIS_SENTINEL_NODES"
						+ " (and REDIS_SENTINEL_PASSWORD if the sentinels have one) for Sentinel; see deploy/README.md,"
						+ " \"Redis high availability\".",
				cause);
	}

}
