package io.hashop.gateway.ratelimit;

import java.util.List;

import io.hashop.gateway.ratelimit.BatchedCounts.Unsettled;
import io.hashop.gateway.ratelimit.RedisQuotaCounter.WindowCount;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Counts the batched quotas in memory between settlements with Redis
 * ({@link BatchedCounts}), and the others in Redis on every request. A batched quota's
 * first request in a window goes to Redis, which tells the window and what every instance
 * has counted in it so far.
 */
class BatchingQuotaCounter implements QuotaCounter {

	private final RedisQuotaCounter redis;

	private final BatchedCounts batches;

	BatchingQuotaCounter(RedisQuotaCounter redis, BatchedCounts batches) {
		this.redis = redis;
		this.batches = batches;
	}

	@Override
	public Mono<Verdict> charge(Quota quota) {
		return chargeAll(List.of(quota));
	}

	@Override
	public @Nullable Verdict chargeNow(List<Quota> quotas) {
		return this.batches.charge(quotas);
	}

	/**
	 * Charges in Redis and learns the batched quotas' windows from its answer. The
	 * in-memory decision is {@link #chargeNow}, which the limiter tries first.
	 */
	@Override
	public Mono<Verdict> chargeAll(List<Quota> quotas) {
		return this.redis.add(quotas, (i) -> 1).map((counts) -> {
			for (int i = 0; i < quotas.size(); i++) {
				WindowCount count = counts.get(i);
				this.batches.observed(quotas.get(i), count.count(), count.untilWindowEnds());
			}
			return RedisQuotaCounter.verdict(quotas, counts);
		});
	}

	@Override
	public Mono<Void> refund(Quota quota) {
		return this.redis.refund(quota);
	}

	/**
	 * Adds what this instance counted since the last settlement to Redis, in one round
	 * trip, and learns what the other instances counted. When Redis fails or the caller
	 * stops waiting, every window is forgotten (the requests counted in them may stay
	 * uncounted there).
	 */
	@Override
	public Mono<Void> settle() {
		List<Unsettled> unsettled = this.batches.takeUnsettled();
		if (unsettled.isEmpty()) {
			return Mono.empty();
		}
		List<Quota> quotas = unsettled.stream().map(Unsettled::quota).toList();
		return this.redis.add(quotas, (i) -> unsettled.get(i).count()).doOnNext((counts) -> {
			for (int i = 0; i < quotas.size(); i++) {
				this.batches.settled(quotas.get(i), counts.get(i).count(), counts.get(i).untilWindowEnds());
			}
		}).doOnError((ex) -> this.batches.clear()).doOnCancel(this.batches::clear).then();
	}

}
