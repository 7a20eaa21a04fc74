package io.hashop.bff.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis commands fail at once while the connection is down instead of queueing until
 * their timeout, so a Redis outage costs a request milliseconds, not seconds.
 * Reconnection is retried at most every two seconds (Lettuce's default backs off to 30
 * s), and with Sentinel every attempt asks the sentinels for the primary again, so the
 * sessions and the invalidation subscription move to a promoted replica within one
 * attempt of the promotion; Lettuce then resubscribes the pub/sub connection by itself.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

	@Bean
	LettuceClientConfigurationBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (builder) -> builder.clientOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true)
			.build());
	}

	@Bean
	ClientResourcesBuilderCustomizer boundedReconnectDelay() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
	}

}
