package io.hashop.bff.config;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis commands fail at once while the connection is down instead of queueing until
 * their timeout, so a Redis outage costs a request milliseconds, not seconds.
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

}
