package io.hashop.devinfra.test;

import java.util.Map;

import io.hashop.devinfra.RedisServer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points {@code spring.data.redis} at the test JVM's real Redis server. */
public class TestRedisInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		RedisServer redis = TestInfrastructure.redis();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testRedis",
					Map.of("spring.data.redis.host", redis.host(), "spring.data.redis.port", redis.port())));
	}

}
