package io.hashop.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.hashop.gateway.client.ClientResolver;
import io.hashop.gateway.requestlimit.RequestLimitProperties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Rate limiting, and the Redis client behaviour it relies on: while the connection is
 * down, commands fail at once instead of queueing until their timeout, and reconnection
 * is retried at most every few seconds, so counting moves back to Redis soon after it
 * returns.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "hashop.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	RedisQuotaCounter redisQuotaCounter(ReactiveStringRedisTemplate redis, RateLimitProperties properties) {
		return new RedisQuotaCounter(redis, properties.keyPrefix());
	}

	@Bean
	RateLimiter rateLimiter(RateLimitProperties properties, RedisQuotaCounter redisCounter, MeterRegistry meters) {
		Clock clock = Clock.systemUTC();
		QuotaCounter shared = new BatchingQuotaCounter(redisCounter,
				new BatchedCounts(properties.localMaxKeys(), clock));
		return new RateLimiter(shared, new LocalQuotaCounter(properties.localMaxKeys(), clock), properties, clock,
				meters);
	}

	@Bean
	RateLimitSettlement rateLimitSettlement(RateLimiter limiter, RateLimitProperties properties) {
		return new RateLimitSettlement(limiter, properties.settleInterval());
	}

	@Bean
	RateLimitRules rateLimitRules(ClientResolver clients, RateLimitProperties properties) {
		return new RateLimitRules(clients, properties);
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitRules rules, RateLimiter limiter) {
		return new RateLimitFilter(rules, limiter);
	}

	@Bean
	LoginAccountLimitFilter loginAccountLimitFilter(RateLimitRules rules, RateLimiter limiter,
			RequestLimitProperties requestLimits) {
		return new LoginAccountLimitFilter(rules, limiter, requestLimits.maxBodySize().toBytes());
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> redisWarmUp(RedisQuotaCounter redisCounter) {
		return (event) -> redisCounter.warmUp(Duration.ofSeconds(2));
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	@Bean
	ClientResourcesBuilderCustomizer boundedReconnectDelay() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
	}

}
