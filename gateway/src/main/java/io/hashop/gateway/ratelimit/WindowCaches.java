package io.hashop.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Counting windows kept in memory: a bounded Caffeine cache that drops each window when
 * it ends, so a flood of distinct clients cannot exhaust memory.
 */
final class WindowCaches {

	private WindowCaches() {
	}

	/**
	 * A cache of at most {@code maxKeys} windows, each dropped at its end (epoch millis
	 * by {@code clock}).
	 */
	static <W> Cache<String, W> endingAt(int maxKeys, Clock clock, ToLongFunction<W> endsAt) {
		return Caffeine.newBuilder()
			.maximumSize(maxKeys)
			.expireAfter(Expiry.<String, W>creating(
					(key, window) -> Duration.ofMillis(Math.max(0, endsAt.applyAsLong(window) - clock.millis()))))
			.build();
	}

}
