package io.hashop.platform.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code REDIS_SENTINEL_MASTER}, {@code REDIS_SENTINEL_NODES} (host:port,host:port)
 * and {@code REDIS_SENTINEL_PASSWORD} into Spring Boot's
 * {@code spring.data.redis.sentinel.*}, only when they are set: Boot switches to Sentinel
 * as soon as any sentinel property exists, even an empty one, so a
 * {@code ${REDIS_SENTINEL_MASTER:}} default in {@code application.yml} would break the
 * single-node case. Settings that contradict each other stop the start with one sentence
 * naming the variables. {@code REDIS_PASSWORD} stays the password of the data nodes.
 */
public class RedisTopologyEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String MASTER = "REDIS_SENTINEL_MASTER";

	static final String NODES = "REDIS_SENTINEL_NODES";

	static final String PASSWORD = "REDIS_SENTINEL_PASSWORD";

	private static final Pattern NODE_LIST = Pattern.compile("[^\\s:,]+:\\d{1,5}(\\s*,\\s*[^\\s:,]+:\\d{1,5})*");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String master = value(environment, MASTER);
		String nodes = value(environment, NODES);
		String password = value(environment, PASSWORD);
		String host = value(environment, "REDIS_HOST");
		if (master == null && nodes == null) {
			if (password != null) {
				throw inconsistent(PASSWORD + " is set but " + MASTER + " and " + NODES
						+ " are not: set all of them for Sentinel, or unset " + PASSWORD + " for a single node.");
			}
			return;
		}
		if (master == null || nodes == null) {
			throw inconsistent(((master == null) ? NODES : MASTER) + " is set but "
					+ ((master == null) ? MASTER : NODES) + " is not: Sentinel needs both the master name and the"
					+ " sentinels as host:port,host:port.");
		}
		if (!NODE_LIST.matcher(nodes).matches()) {
			throw inconsistent(NODES + " must list the sentinels as host:port,host:port, not '" + nodes + "'.");
		}
		if (host != null) {
			throw inconsistent("Both REDIS_HOST and " + MASTER + " are set: use REDIS_HOST/REDIS_PORT for a single"
					+ " Redis node or " + MASTER + "/" + NODES + " for Sentinel, not both.");
		}
		Map<String, Object> sentinel = new LinkedHashMap<>();
		sentinel.put("spring.data.redis.sentinel.master", master);
		sentinel.put("spring.data.redis.sentinel.nodes", nodes.replaceAll("\\s", ""));
		if (password != null) {
			sentinel.put("spring.data.redis.sentinel.password", password);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("redisSentinel", sentinel));
	}

	private static String value(ConfigurableEnvironment environment, String name) {
		String value = environment.getProperty(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static IllegalStateException inconsistent(String sentence) {
		return new InconsistentRedisSettingsException(sentence);
	}

}
