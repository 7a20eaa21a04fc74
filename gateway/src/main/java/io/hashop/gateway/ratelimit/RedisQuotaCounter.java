package io.hashop.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed windows in Redis, shared by every gateway instance: one atomic script increments
 * the counter and starts its window (a key expiry) on the first request, so no clock of
 * any gateway instance is involved. All the quotas of a request are charged in one script
 * call: one round trip per request (the keys are not hash-tagged, so a Redis Cluster
 * would need them to be).
 */
class RedisQuotaCounter implements QuotaCounter {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[1])
			  ttl = tonumber(ARGV[1])
			end
			return {count, ttl}
			""", List.class);

	/**
	 * {@link #SCRIPT} for every key: ARGV[i] is the window of KEYS[i]; count, ttl pairs.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT_ALL = RedisScript.of("""
			local result = {}
			for i, key in ipairs(KEYS) do
			  local count = redis.call('INCR', key)
			  local ttl = redis.call('PTTL', key)
			  if ttl < 0 then
			    redis.call('PEXPIRE', key, ARGV[i])
			    ttl = tonumber(ARGV[i])
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
		return this.redis.execute(SCRIPT, List.of(key(quota)), List.of(Long.toString(quota.window().toMillis())))
			.next()
			.map((result) -> Verdict.of(quota, number(result, 0), Duration.ofMillis(number(result, 1))));
	}

	@Override
	public Mono<Verdict> chargeAll(List<Quota> quotas) {
		if (quotas.size() == 1) {
			return charge(quotas.get(0));
		}
		List<String> keys = new ArrayList<>(quotas.size());
		List<String> windows = new ArrayList<>(quotas.size());
		for (Quota quota : quotas) {
			keys.add(key(quota));
			windows.add(Long.toString(quota.window().toMillis()));
		}
		return this.redis.execute(SCRIPT_ALL, keys, windows).next().map((result) -> {
			Verdict verdict = Verdict.ALLOWED;
			for (int i = 0; i < quotas.size(); i++) {
				verdict = verdict.and(
						Verdict.of(quotas.get(i), number(result, 2 * i), Duration.ofMillis(number(result, 2 * i + 1))));
			}
			return verdict;
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

}
