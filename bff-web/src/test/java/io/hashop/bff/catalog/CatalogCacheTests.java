package io.hashop.bff.catalog;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CatalogCacheTests {

	private static final CatalogCacheProperties PROPERTIES = new CatalogCacheProperties(Duration.ofSeconds(30),
			Duration.ofMinutes(5), "test:catalog", true);

	private final InMemoryRedis redis = new InMemoryRedis();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final CatalogCache cache = cache(PROPERTIES);

	/** order-service: the price of the one product goes up by a cent with every load. */
	private final OrderService orderService = new OrderService();

	@Test
	void loadsFromTheSourceOnceAndKeepsACopyInTheInstanceAndInRedis() {
		List<ProductResponse> first = this.cache.get(this.orderService);
		List<ProductResponse> second = this.cache.get(this.orderService);

		assertThat(second).isEqualTo(first);
		assertThat(this.orderService.loads()).isEqualTo(1);
		assertThat(this.redis.values).containsKey("test:catalog:v1:0");
		assertThat(this.redis.ttls).containsEntry("test:catalog:v1:0", Duration.ofMinutes(5));
		assertThat(lookups("local", "miss")).isEqualTo(1);
		assertThat(lookups("redis", "miss")).isEqualTo(1);
		assertThat(lookups("local", "hit")).isEqualTo(1);
	}

	@Test
	void servesAnotherInstanceFromRedisWithoutAskingTheSource() {
		List<ProductResponse> loaded = this.cache.get(this.orderService);

		List<ProductResponse> onAnother = cache(PROPERTIES).get(this.orderService);

		assertThat(onAnother).isEqualTo(loaded);
		assertThat(this.orderService.loads()).isEqualTo(1);
		assertThat(lookups("redis", "hit")).isEqualTo(1);
	}

	@Test
	void invalidatesEverywhereByANewGenerationAndAMessageToEveryInstance() {
		List<ProductResponse> before = this.cache.get(this.orderService);

		this.cache.invalidateEverywhere();

		assertThat(this.redis.values).containsEntry("test:catalog:generation", "1");
		assertThat(this.redis.published).containsExactly("test:catalog:invalidate all");
		List<ProductResponse> after = this.cache.get(this.orderService);
		assertThat(after).isNotEqualTo(before);
		assertThat(this.orderService.loads()).isEqualTo(2);
		assertThat(this.redis.values).containsKey("test:catalog:v1:1");
		assertThat(cache(PROPERTIES).get(this.orderService)).as("another instance").isEqualTo(after);
	}

	@Test
	void dropsOnlyTheLocalCopyOnAnotherInstancesMessage() {
		List<ProductResponse> loaded = this.cache.get(this.orderService);

		this.cache.invalidateLocal();

		assertThat(this.cache.get(this.orderService)).isEqualTo(loaded);
		assertThat(this.orderService.loads()).isEqualTo(1);
		assertThat(lookups("redis", "hit")).isEqualTo(1);
		assertThat(this.redis.published).isEmpty();
	}

	@Test
	void neverPutsBackACopyLoadedBeforeAnInvalidation() {
		CatalogCache another = cache(PROPERTIES);
		Supplier<List<ProductResponse>> racing = () -> {
			List<ProductResponse> stale = this.orderService.get();
			another.invalidateEverywhere();
			return stale;
		};
		List<ProductResponse> stale = this.cache.get(racing);

		List<ProductResponse> fresh = cache(PROPERTIES).get(this.orderService);

		assertThat(fresh).isNotEqualTo(stale);
		assertThat(this.orderService.loads()).isEqualTo(2);
	}

	@Test
	void expiresTheLocalCopyAfterItsTtlToBoundStaleness() {
		CatalogCache shortLived = cache(
				new CatalogCacheProperties(Duration.ofMillis(50), Duration.ofMinutes(5), "test:catalog", true));
		shortLived.get(this.orderService);

		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
			shortLived.get(this.orderService);
			return lookups("redis", "hit") > 0;
		});
		assertThat(this.orderService.loads()).isEqualTo(1);
	}

	@Test
	void servesFromTheSourceWhileRedisIsDownAndKeepsTheLocalCopy() {
		this.redis.down = true;

		List<ProductResponse> loaded = this.cache.get(this.orderService);

		assertThat(loaded).isNotEmpty();
		assertThat(this.cache.get(this.orderService)).isEqualTo(loaded);
		assertThat(this.orderService.loads()).isEqualTo(1);
		assertThat(lookups("redis", "error")).isEqualTo(1);
		assertThat(lookups("local", "hit")).isEqualTo(1);
		assertThat(this.redis.values).isEmpty();
	}

	@Test
	void publishesAnInvalidationRedisMissedOnceItIsBack() {
		this.cache.get(this.orderService);
		this.redis.down = true;

		this.cache.invalidateEverywhere();

		assertThat(this.redis.published).isEmpty();
		this.redis.down = false;
		this.cache.resubscribed();
		assertThat(this.redis.values).containsEntry("test:catalog:generation", "1");
		assertThat(this.redis.published).containsExactly("test:catalog:invalidate all");
		this.cache.resubscribed();
		assertThat(this.redis.published).as("published once").hasSize(1);
	}

	@Test
	void dropsTheLocalCopyOnEveryResubscription() {
		this.cache.get(this.orderService);
		this.redis.values.clear();

		this.cache.resubscribed();
		this.cache.get(this.orderService);

		assertThat(this.orderService.loads()).isEqualTo(2);
		assertThat(this.redis.published).isEmpty();
	}

	@Test
	void asksTheSourceEveryTimeWhenDisabled() {
		CatalogCache disabled = cache(
				new CatalogCacheProperties(Duration.ofSeconds(30), Duration.ofMinutes(5), "test:catalog", false));

		disabled.get(this.orderService);
		disabled.get(this.orderService);

		assertThat(this.orderService.loads()).isEqualTo(2);
		assertThat(this.redis.values).isEmpty();
		assertThat(lookups("local", "miss") + lookups("local", "hit")).isZero();
	}

	private CatalogCache cache(CatalogCacheProperties properties) {
		return new CatalogCache(this.redis, JsonMapper.builder().build(), properties, this.meters);
	}

	private double lookups(String level, String result) {
		return this.meters.get("hashop.cache.requests").tags("level", level, "result", result).counter().count();
	}

	/**
	 * order-service's catalog: one product whose price rises by a cent with every load.
	 */
	private static final class OrderService implements Supplier<List<ProductResponse>> {

		private final AtomicInteger loads = new AtomicInteger();

		@Override
		public List<ProductResponse> get() {
			int load = this.loads.incrementAndGet();
			return List.of(new ProductResponse(1, "COF-BEAN-1KG", "Coffee beans", 2490 + load, "EUR"));
		}

		int loads() {
			return this.loads.get();
		}

	}

}
