package io.hashop.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed windows in Redis, shared by every gateway instance: one atomic script increments
 * the counter and starts its window (a key expiry) on the first request, so no clock of
 * any gateway instance is involved. All the quotas of a request, or all the counts of a
 * settlement ({@link BatchingQuotaCounter}), go in one script call: one round trip (the
 * keys are not hash-tagged, so a Redis Cluster would need them to be).
 */
class RedisQuotaCounter implements QuotaCounter {

	/**
	 * Adds ARGV[2i] to KEYS[i] and starts its window of ARGV[2i - 1] ms if it has none;
	 * count, ttl pairs. Charges (by one) and settlements (by a batch's count) alike.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ADD_ALL = RedisScript.of("""
			local result = {}
			for i, key in ipairs(KEYS) do
			  local count = redis.call('INCRBY', key, ARGV[2 * i])
			  local ttl = redis.call('PTTL', key)
			  if ttl < 0 then
			    redis.call('PEXPIRE', key, ARGV[2 * i - 1])
			    ttl = tonumber(ARGV[2 * i - 1])
			  end
			  result[#result + 1] = count
			  result[#result + 1] = ttl
			end
			return result
			""", List.class);

	/** Decrements a live window's counter, never below zero and never creating one. */
	private static final RedisScript<Long> REFUND = RedisScript.of("""
			local count = tonumber(redis.call('GET', KEYS[1]) or '0')
			if count > 0 then
			  return redis.call('DECR', KEYS[1])
			end
			return 0
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	RedisQuotaCounter(ReactiveStringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Mono<Verdict> charge(Quota quota) {
		return chargeAll(List.of(quota));
	}

	@Override
	public Mono<Verdict> chargeAll(List<Quota> quotas) {
		return add(quotas, (i) -> 1).map((counts) -> verdict(quotas, counts));
	}

	/** Whether a request charged to these quotas, which counted these, may pass. */
	static Verdict verdict(List<Quota> quotas, List<WindowCount> counts) {
		Verdict verdict = Verdict.ALLOWED;
		for (int i = 0; i < quotas.size(); i++) {
			WindowCount count = counts.get(i);
			verdict = verdict.and(Verdict.of(quotas.get(i), count.count(), count.untilWindowEnds()));
		}
		return verdict;
	}

	/**
	 * Adds to every quota's counter (the i-th quota's amount at i) in one round trip,
	 * starting the windows that have not started, and answers each counter's new count
	 * and the time left in its window.
	 */
	Mono<List<WindowCount>> add(List<Quota> quotas, IntToLongFunction amountAt) {
		List<String> keys = new ArrayList<>(quotas.size());
		List<String> arguments = new ArrayList<>(2 * quotas.size());
		for (int i = 0; i < quotas.size(); i++) {
			keys.add(key(quotas.get(i)));
			arguments.add(Long.toString(quotas.get(i).window().toMillis()));
			arguments.add(Long.toString(amountAt.applyAsLong(i)));
		}
		return this.redis.execute(ADD_ALL, keys, arguments).next().map((result) -> {
			List<WindowCount> counts = new ArrayList<>(quotas.size());
			for (int i = 0; i < quotas.size(); i++) {
				counts.add(new WindowCount(number(result, 2 * i), Duration.ofMillis(number(result, 2 * i + 1))));
			}
			return counts;
		});
	}

	@Override
	public Mono<Void> refund(Quota quota) {
		return this.redis.execute(REFUND, List.of(key(quota)), List.of()).then();
	}

	/**
	 * Opens the connection and loads the script, so that the first real request does not
	 * pay for either within its timeout. A Redis that is down now is no error: the
	 * fallback covers it.
	 */
	void warmUp(Duration atMost) {
		charge(new Quota("warm-up", "warm-up", Integer.MAX_VALUE, Duration.ofSeconds(1))).timeout(atMost)
			.onErrorResume((ex) -> Mono.empty())
			.block();
	}

	String key(Quota quota) {
		return this.keyPrefix + ":" + quota.key();
	}

	private static long number(List<?> result, int index) {
		return ((Number) result.get(index)).longValue();
	}

	/** A counter's value in Redis and the time left in its window. */
	record WindowCount(long count, Duration untilWindowEnds) {
	}

}
