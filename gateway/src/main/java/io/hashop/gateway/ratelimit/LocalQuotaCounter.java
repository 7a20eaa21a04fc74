package io.hashop.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import reactor.core.publisher.Mono;

/**
 * Fixed windows in this instance's memory ({@link WindowCaches}), the fallback while
 * Redis is unavailable.
 */
class LocalQuotaCounter implements QuotaCounter {

	private final Cache<String, Window> windows;

	private final Clock clock;

	LocalQuotaCounter(int maxKeys, Clock clock) {
		this.clock = clock;
		this.windows = WindowCaches.endingAt(maxKeys, clock, (Window window) -> window.endsAt);
	}

	@Override
	public Mono<Verdict> charge(Quota quota) {
		return Mono.fromSupplier(() -> chargeNow(quota));
	}

	Verdict chargeNow(Quota quota) {
		long now = this.clock.millis();
		Window window = this.windows.asMap()
			.compute(quota.key(), (key, existing) -> (existing == null || existing.endsAt <= now)
					? new Window(now + quota.window().toMillis()) : existing);
		return Verdict.of(quota, window.count.incrementAndGet(), Duration.ofMillis(window.endsAt - now));
	}

	@Override
	public Mono<Void> refund(Quota quota) {
		return Mono.fromRunnable(() -> {
			Window window = this.windows.getIfPresent(quota.key());
			if (window != null && window.endsAt > this.clock.millis()) {
				window.count.getAndUpdate((count) -> Math.max(0, count - 1));
			}
		});
	}

	private static final class Window {

		private final long endsAt;

		private final AtomicLong count = new AtomicLong();

		private Window(long endsAt) {
			this.endsAt = endsAt;
		}

	}

}
