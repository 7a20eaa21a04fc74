package io.hashop.gateway.ratelimit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Whether a request may pass.
 *
 * @param allowed whether every quota it was charged to still had room
 * @param retryAfter when the fullest quota has room again; zero when allowed
 * @param rule the rule that refused it, or {@code null} when allowed
 */
record Verdict(boolean allowed, Duration retryAfter, @Nullable String rule) {

	static final Verdict ALLOWED = new Verdict(true, Duration.ZERO, null);

	static Verdict of(Quota quota, long count, Duration untilWindowEnds) {
		return (count <= quota.limit()) ? ALLOWED : new Verdict(false, untilWindowEnds, quota.rule());
	}

	/** Both must allow; a refusal waits for the later window. */
	Verdict and(Verdict other) {
		if (this.allowed) {
			return other;
		}
		if (other.allowed) {
			return this;
		}
		return (this.retryAfter.compareTo(other.retryAfter) >= 0) ? this : other;
	}

}
