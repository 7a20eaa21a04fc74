package io.hashop.bff.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.stereotype.Component;

/**
 * Drops this instance's catalog copy when another instance changes a price. Every
 * (re)subscription also drops it: invalidations published while this instance was cut off
 * from Redis are lost, so nothing cached before the reconnect is trusted.
 */
@Component
class CatalogInvalidationListener implements MessageListener, SubscriptionListener {

	private static final Logger logger = LoggerFactory.getLogger(CatalogInvalidationListener.class);

	private final CatalogCache cache;

	CatalogInvalidationListener(CatalogCache cache) {
		this.cache = cache;
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		this.cache.invalidateLocal();
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		logger.info("Subscribed to catalog invalidations; dropping the local catalog copy");
		this.cache.resubscribed();
	}

}
