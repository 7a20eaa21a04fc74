package io.hashop.bff.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/** The pub/sub subscription that carries catalog invalidations between instances. */
@Configuration(proxyBeanMethods = false)
class CatalogCacheConfiguration {

	/** Retries the subscription every second, for as long as Redis stays away. */
	private static final long RESUBSCRIBE_INTERVAL_MILLIS = 1000;

	@Bean
	RedisMessageListenerContainer catalogInvalidationContainer(RedisConnectionFactory connections,
			CatalogInvalidationListener listener, CatalogCacheProperties properties) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.setRecoveryBackoff(new FixedBackOff(RESUBSCRIBE_INTERVAL_MILLIS, FixedBackOff.UNLIMITED_ATTEMPTS));
		container.addMessageListener(listener, new ChannelTopic(properties.invalidationChannel()));
		return container;
	}

}
