package io.hashop.gateway.ratelimit;

import java.time.Duration;

/**
 * One counter a request is charged to.
 *
 * @param rule the rule's name, for metrics
 * @param key the counter's key, unique per rule and subject
 * @param limit how many requests the window allows
 * @param window how long a window lasts from its first request
 */
record Quota(String rule, String key, int limit, Duration window) {
}
