package io.hashop.bff.catalog;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The pub/sub subscription that carries catalog invalidations between instances. It must
 * not stop the BFF from starting while Redis is down, so it is started in the background
 * and retried until Redis answers; after that the container resubscribes by itself.
 */
@Configuration(proxyBeanMethods = false)
class CatalogCacheConfiguration {

	/** How often a lost or not yet established subscription is retried. */
	private static final long RESUBSCRIBE_INTERVAL_MILLIS = 1000;

	@Bean
	RedisMessageListenerContainer catalogInvalidationContainer(RedisConnectionFactory connections,
			CatalogInvalidationListener listener, CatalogCacheProperties properties) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.setAutoStartup(false);
		container.setRecoveryBackoff(new FixedBackOff(RESUBSCRIBE_INTERVAL_MILLIS, FixedBackOff.UNLIMITED_ATTEMPTS));
		container.addMessageListener(listener, new ChannelTopic(properties.invalidationChannel()));
		return container;
	}

	@Bean
	SmartLifecycle catalogSubscriptionStarter(RedisMessageListenerContainer catalogInvalidationContainer) {
		return new SubscriptionStarter(catalogInvalidationContainer);
	}

	/** Starts the container in the background, retrying while Redis is unreachable. */
	static final class SubscriptionStarter implements SmartLifecycle {

		private static final Logger logger = LoggerFactory.getLogger(SubscriptionStarter.class);

		private final RedisMessageListenerContainer container;

		private ScheduledExecutorService scheduler;

		SubscriptionStarter(RedisMessageListenerContainer container) {
			this.container = container;
		}

		@Override
		public synchronized void start() {
			this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
			this.scheduler.schedule(this::tryStart, 0, TimeUnit.MILLISECONDS);
		}

		private void tryStart() {
			try {
				this.container.start();
			}
			catch (RuntimeException ex) {
				logger.warn("Catalog invalidations not subscribed yet (Redis unavailable); retrying: {}",
						ex.toString());
				this.container.stop();
				this.scheduler.schedule(this::tryStart, RESUBSCRIBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
			}
		}

		@Override
		public synchronized void stop() {
			if (this.scheduler != null) {
				this.scheduler.shutdownNow();
				this.scheduler = null;
			}
			this.container.stop();
		}

		@Override
		public synchronized boolean isRunning() {
			return this.scheduler != null;
		}

	}

}
