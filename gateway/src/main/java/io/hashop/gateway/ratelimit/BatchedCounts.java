package io.hashop.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import org.jspecify.annotations.Nullable;

/**
 * This instance's view of the batched quotas' windows in Redis: the count Redis last
 * reported for each, plus what this instance has counted since. A request whose quotas
 * all have a live window here is decided in memory, with no round trip; the counts are
 * sent to Redis in one script call per settlement ({@link #takeUnsettled()} and
 * {@link #settled}), which also brings back what the other instances counted. So one
 * instance alone is exact, and a client spread over several instances can pass a limit by
 * at most what it sends to the others within one settlement interval. Bounded
 * ({@link WindowCaches}): a window is dropped when it ends.
 */
class BatchedCounts {

	/**
	 * How far Redis's end of a window may be from ours before ours is dropped (a window
	 * that ended in Redis and started again with our settlement), so that the next
	 * request learns the new window from Redis.
	 */
	private static final long WINDOW_TOLERANCE_MILLIS = 1000;

	private final Cache<String, Window> windows;

	private final Clock clock;

	BatchedCounts(int maxKeys, Clock clock) {
		this.clock = clock;
		this.windows = WindowCaches.endingAt(maxKeys, clock, (Window window) -> window.endsAt);
	}

	/**
	 * Charges every quota in memory, if each is batched and has a live window here;
	 * otherwise charges none and answers {@code null}: the request goes to Redis.
	 */
	@Nullable Verdict charge(List<Quota> quotas) {
		long now = this.clock.millis();
		Window[] live = new Window[quotas.size()];
		for (int i = 0; i < live.length; i++) {
			Quota quota = quotas.get(i);
			Window window = quota.batched() ? this.windows.getIfPresent(quota.key()) : null;
			if (window == null || window.endsAt <= now) {
				return null;
			}
			live[i] = window;
		}
		Verdict verdict = Verdict.ALLOWED;
		for (int i = 0; i < live.length; i++) {
			verdict = verdict.and(Verdict.of(quotas.get(i), live[i].charge(), Duration.ofMillis(live[i].endsAt - now)));
		}
		return verdict;
	}

	/**
	 * What Redis answered to a request charged there: the window to count in from now.
	 */
	void observed(Quota quota, long count, Duration untilWindowEnds) {
		if (!quota.batched()) {
			return;
		}
		long now = this.clock.millis();
		long endsAt = now + untilWindowEnds.toMillis();
		this.windows.asMap().compute(quota.key(), (key, existing) -> {
			if (existing != null && Math.abs(existing.endsAt - endsAt) <= WINDOW_TOLERANCE_MILLIS) {
				existing.observed(count);
				return existing;
			}
			return new Window(quota, endsAt, count);
		});
	}

	/**
	 * Takes what each live window counted since its last settlement, marking it in
	 * flight: still counted here until Redis answers.
	 */
	List<Unsettled> takeUnsettled() {
		long now = this.clock.millis();
		List<Unsettled> unsettled = new ArrayList<>();
		for (Window window : this.windows.asMap().values()) {
			if (window.endsAt > now) {
				long count = window.takePending();
				if (count > 0) {
					unsettled.add(new Unsettled(window.quota, count));
				}
			}
		}
		return unsettled;
	}

	/**
	 * What Redis counted after a settlement added this instance's counts to it; a window
	 * Redis ended and started again is dropped.
	 */
	void settled(Quota quota, long count, Duration untilWindowEnds) {
		long endsAt = this.clock.millis() + untilWindowEnds.toMillis();
		Window window = this.windows.getIfPresent(quota.key());
		if (window == null) {
			return;
		}
		if (Math.abs(window.endsAt - endsAt) > WINDOW_TOLERANCE_MILLIS) {
			this.windows.asMap().remove(quota.key(), window);
			return;
		}
		window.settled(count);
	}

	/**
	 * Forgets every window: Redis could not be reached, and counting moves to the local
	 * fallback until it can.
	 */
	void clear() {
		this.windows.invalidateAll();
	}

	/** A quota's count not yet added to Redis. */
	record Unsettled(Quota quota, long count) {
	}

	private static final class Window {

		private final Quota quota;

		private final long endsAt;

		/** Redis's count, which includes everything this instance settled. */
		private long settled;

		/** Sent to Redis, not yet answered. */
		private long inFlight;

		/** Counted here since the last settlement. */
		private long pending;

		private Window(Quota quota, long endsAt, long settled) {
			this.quota = quota;
			this.endsAt = endsAt;
			this.settled = settled;
		}

		synchronized long charge() {
			this.pending++;
			return this.settled + this.inFlight + this.pending;
		}

		synchronized void observed(long count) {
			this.settled = Math.max(this.settled, count);
		}

		synchronized long takePending() {
			this.inFlight += this.pending;
			long taken = this.pending;
			this.pending = 0;
			return taken;
		}

		synchronized void settled(long count) {
			this.settled = count;
			this.inFlight = 0;
		}

	}

}
