package io.hashop.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Charges a request to its quotas in Redis (in memory, for the batched quotas between
 * settlements); when Redis errs or does not answer within its timeout, the local counter
 * decides instead, and keeps deciding for the back-off period so that an outage costs no
 * request more than one timeout. Never fails open.
 */
class RateLimiter {

	private static final Logger logger = LoggerFactory.getLogger(RateLimiter.class);

	private final QuotaCounter redis;

	private final QuotaCounter local;

	private final Duration redisTimeout;

	private final Duration redisBackoff;

	private final Clock clock;

	private final AtomicLong redisBackoffUntil = new AtomicLong();

	private final MeterRegistry meters;

	private final Counter localDecisions;

	RateLimiter(QuotaCounter redis, QuotaCounter local, RateLimitProperties properties, Clock clock,
			MeterRegistry meters) {
		this.redis = redis;
		this.local = local;
		this.redisTimeout = properties.redisTimeout();
		this.redisBackoff = properties.redisBackoff();
		this.clock = clock;
		this.meters = meters;
		this.localDecisions = Counter.builder("hashop.gateway.rate.limit.local.decisions")
			.description("Rate-limit decisions taken by the local fallback because Redis was unavailable")
			.register(meters);
	}

	Mono<Verdict> charge(List<Quota> quotas) {
		if (this.clock.millis() < this.redisBackoffUntil.get()) {
			return chargeLocally(quotas).doOnNext(this::count);
		}
		Verdict now = this.redis.chargeNow(quotas);
		if (now != null) {
			count(now);
			return Mono.just(now);
		}
		return charge(this.redis, quotas).timeout(this.redisTimeout).onErrorResume((ex) -> {
			redisFailed(ex);
			return chargeLocally(quotas);
		}).doOnNext(this::count);
	}

	/**
	 * Sends the counts kept in memory to Redis; a failure starts the back-off, as a
	 * failed charge does.
	 */
	Mono<Void> settle() {
		if (this.clock.millis() < this.redisBackoffUntil.get()) {
			return Mono.empty();
		}
		return this.redis.settle().timeout(this.redisTimeout).onErrorResume((ex) -> {
			redisFailed(ex);
			return Mono.empty();
		});
	}

	/**
	 * Gives back one charge of each quota, to the store that counts now; best effort: a
	 * refund that fails or is slow is dropped, and the request it belonged to stays
	 * counted.
	 */
	Mono<Void> refund(List<Quota> quotas) {
		QuotaCounter counter = (this.clock.millis() < this.redisBackoffUntil.get()) ? this.local : this.redis;
		return Flux.fromIterable(quotas)
			.flatMap(counter::refund)
			.then()
			.timeout(this.redisTimeout)
			.onErrorResume((ex) -> Mono.empty());
	}

	private Mono<Verdict> chargeLocally(List<Quota> quotas) {
		this.localDecisions.increment();
		return charge(this.local, quotas);
	}

	private static Mono<Verdict> charge(QuotaCounter counter, List<Quota> quotas) {
		return counter.chargeAll(quotas);
	}

	private void redisFailed(Throwable ex) {
		long now = this.clock.millis();
		long previous = this.redisBackoffUntil.getAndSet(now + this.redisBackoff.toMillis());
		if (previous <= now) {
			logger.warn("Redis is unavailable for rate limiting ({}); counting in this instance for {}", ex.toString(),
					this.redisBackoff);
		}
	}

	private void count(Verdict verdict) {
		if (!verdict.allowed()) {
			this.meters.counter("hashop.gateway.rate.limit.rejections", "rule", verdict.rule()).increment();
		}
	}

}
