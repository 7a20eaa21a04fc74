package io.hashop.bff.catalog;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog in two levels: Caffeine in each instance in front of one shared copy in
 * Redis, loaded from order-service on a miss of both. Redis entries are keyed by a
 * generation that an invalidation increments, so a load racing an invalidation cannot put
 * a stale copy back. When Redis fails the cache skips it: local entry, else the source.
 */
@Component
class CatalogCache {

	private static final Logger logger = LoggerFactory.getLogger(CatalogCache.class);

	private static final String KEY = "all";

	private static final TypeReference<List<ProductResponse>> PRODUCTS = new TypeReference<>() {
	};

	private final Cache<String, List<ProductResponse>> local;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final CatalogCacheProperties properties;

	private final CacheMetrics metrics;

	/** An invalidation that could not reach Redis, to publish once it is back. */
	private final AtomicBoolean invalidationPending = new AtomicBoolean();

	CatalogCache(StringRedisTemplate redis, JsonMapper json, CatalogCacheProperties properties, MeterRegistry meters) {
		this.local = Caffeine.newBuilder().expireAfterWrite(properties.localTtl()).maximumSize(16).build();
		this.redis = redis;
		this.json = json;
		this.properties = properties;
		this.metrics = new CacheMetrics(meters);
	}

	List<ProductResponse> get(Supplier<List<ProductResponse>> source) {
		if (!this.properties.enabled()) {
			return source.get();
		}
		List<ProductResponse> cached = this.local.getIfPresent(KEY);
		if (cached != null) {
			this.metrics.localHit.increment();
			return cached;
		}
		this.metrics.localMiss.increment();
		return this.local.get(KEY, (key) -> fromRedisOrSource(source));
	}

	/**
	 * Drops this instance's copy and the shared one, and tells every other instance to
	 * drop theirs.
	 */
	void invalidateEverywhere() {
		this.local.invalidateAll();
		this.invalidationPending.set(true);
		publishPendingInvalidation();
	}

	/** Drops this instance's copy only, on another instance's invalidation message. */
	void invalidateLocal() {
		this.local.invalidateAll();
	}

	/**
	 * After a (re)subscription: messages sent while this instance was cut off are lost,
	 * so its copy is dropped, and an invalidation it could not publish then is published
	 * now.
	 */
	void resubscribed() {
		invalidateLocal();
		if (this.invalidationPending.get()) {
			publishPendingInvalidation();
		}
	}

	private void publishPendingInvalidation() {
		try {
			this.redis.opsForValue().increment(this.properties.generationKey());
			this.redis.convertAndSend(this.properties.invalidationChannel(), KEY);
			this.invalidationPending.set(false);
		}
		catch (DataAccessException ex) {
			logger.warn("Catalog invalidation not published yet (Redis unavailable); will retry on reconnect: {}",
					ex.toString());
		}
	}

	private List<ProductResponse> fromRedisOrSource(Supplier<List<ProductResponse>> source) {
		Long generation = null;
		try {
			String value = this.redis.opsForValue().get(this.properties.generationKey());
			generation = (value != null) ? Long.parseLong(value) : 0L;
			String entry = this.redis.opsForValue().get(this.properties.entryKey(generation));
			if (entry != null) {
				this.metrics.redisHit.increment();
				return this.json.readValue(entry, PRODUCTS);
			}
			this.metrics.redisMiss.increment();
		}
		catch (DataAccessException ex) {
			this.metrics.redisError.increment();
			logger.debug("Redis unavailable for the catalog cache: {}", ex.toString());
		}
		List<ProductResponse> products = source.get();
		if (generation != null) {
			store(generation, products);
		}
		return products;
	}

	private void store(long generation, List<ProductResponse> products) {
		try {
			this.redis.opsForValue()
				.set(this.properties.entryKey(generation), this.json.writeValueAsString(products),
						this.properties.redisTtl());
		}
		catch (DataAccessException ex) {
			this.metrics.redisError.increment();
		}
	}

	/**
	 * Hits and misses per level:
	 * {@code hashop.cache.requests{cache=catalog,level,result}}.
	 */
	private static final class CacheMetrics {

		final Counter localHit;

		final Counter localMiss;

		final Counter redisHit;

		final Counter redisMiss;

		final Counter redisError;

		CacheMetrics(MeterRegistry meters) {
			this.localHit = counter(meters, "local", "hit");
			this.localMiss = counter(meters, "local", "miss");
			this.redisHit = counter(meters, "redis", "hit");
			this.redisMiss = counter(meters, "redis", "miss");
			this.redisError = counter(meters, "redis", "error");
		}

		private static Counter counter(MeterRegistry meters, String level, String result) {
			return Counter.builder("hashop.cache.requests")
				.description("Catalog cache lookups by level and result")
				.tag("cache", "catalog")
				.tag("level", level)
				.tag("result", result)
				.register(meters);
		}

	}

}
