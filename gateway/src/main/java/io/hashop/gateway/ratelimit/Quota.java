package io.hashop.gateway.ratelimit;

import java.time.Duration;

/**
 * One counter a request is charged to.
 *
 * @param rule the rule's name, for metrics
 * @param key the counter's key, unique per rule and subject
 * @param limit how many requests the window allows
 * @param window how long a window lasts from its first request
 * @param batched whether an instance may count it in memory and settle with Redis every
 * few milliseconds (the high-volume quotas), rather than in Redis on every request (the
 * login quotas, which must hold exactly across instances)
 */
record Quota(String rule, String key, int limit, Duration window, boolean batched) {

	/** A quota counted in Redis on every request. */
	Quota(String rule, String key, int limit, Duration window) {
		this(rule, key, limit, window, false);
	}

}
