package io.hashop.bff.catalog;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The two-level catalog cache.
 *
 * @param localTtl how long an instance keeps the catalog in memory; bounds staleness when
 * an invalidation message is missed (Redis down)
 * @param redisTtl how long the shared copy lives in Redis
 * @param keyPrefix prefix of the Redis keys and of the invalidation channel
 * @param enabled {@code false} only to measure what the cache saves (benchmark S9): every
 * read then goes to order-service and its database
 */
@Validated
@ConfigurationProperties("hashop.bff.catalog-cache")
record CatalogCacheProperties(@DefaultValue("30s") @NotNull Duration localTtl,
		@DefaultValue("5m") @NotNull Duration redisTtl, @DefaultValue("hashop:catalog") @NotBlank String keyPrefix,
		@DefaultValue("true") boolean enabled) {

	String generationKey() {
		return this.keyPrefix + ":generation";
	}

	String entryKey(long generation) {
		return this.keyPrefix + ":v1:" + generation;
	}

	String invalidationChannel() {
		return this.keyPrefix + ":invalidate";
	}

}
