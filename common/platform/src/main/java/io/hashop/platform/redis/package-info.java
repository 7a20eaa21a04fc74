/**
 * Where a service finds Redis: one node ({@code REDIS_HOST}) or a Sentinel-monitored
 * primary ({@code REDIS_SENTINEL_MASTER}, {@code REDIS_SENTINEL_NODES}).
 */
package io.hashop.platform.redis;
