package io.hashop.bff.catalog;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;

/**
 * Just what the catalog cache asks of Redis (get, set with a TTL, increment, publish), in
 * memory, with a switch that makes every command fail as an unreachable server would.
 */
final class InMemoryRedis extends StringRedisTemplate {

	final Map<String, String> values = new ConcurrentHashMap<>();

	final Map<String, Duration> ttls = new ConcurrentHashMap<>();

	/** Published messages, as {@code channel message}. */
	final List<String> published = new CopyOnWriteArrayList<>();

	volatile boolean down;

	private final ValueOperations<String, String> operations = operations();

	@SuppressWarnings("unchecked")
	private ValueOperations<String, String> operations() {
		return (ValueOperations<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { ValueOperations.class }, (proxy, method, args) -> {
					failIfDown();
					return switch (method.getName()) {
						case "get" -> this.values.get((String) args[0]);
						case "set" -> {
							this.values.put((String) args[0], (String) args[1]);
							this.ttls.put((String) args[0], (Duration) args[2]);
							yield null;
						}
						case "increment" -> Long.parseLong(this.values.merge((String) args[0], "1",
								(old, one) -> String.valueOf(Long.parseLong(old) + 1)));
						default -> throw new UnsupportedOperationException(method.toString());
					};
				});
	}

	@Override
	public ValueOperations<String, String> opsForValue() {
		return this.operations;
	}

	@Override
	public Long convertAndSend(String channel, Object message) {
		failIfDown();
		this.published.add(channel + " " + message);
		return 1L;
	}

	private void failIfDown() {
		if (this.down) {
			throw new RedisConnectionFailureException("Redis is down (in this test)");
		}
	}

}
