package io.hashop.gateway.ratelimit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.context.SmartLifecycle;

/**
 * Settles the batched counts with Redis every interval while the gateway runs, one
 * settlement at a time, and once more after the web server has stopped, so that a
 * restarted instance leaves its last counts behind.
 */
class RateLimitSettlement implements SmartLifecycle {

	/** Stopped after the web server (which stops at DEFAULT_PHASE - 2048). */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final RateLimiter limiter;

	private final Duration interval;

	private volatile @Nullable Disposable loop;

	RateLimitSettlement(RateLimiter limiter, Duration interval) {
		this.limiter = limiter;
		this.interval = interval;
	}

	@Override
	public void start() {
		this.loop = Flux.interval(this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> this.limiter.settle(), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = this.loop;
		if (running != null) {
			running.dispose();
			this.loop = null;
			this.limiter.settle().block();
		}
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
