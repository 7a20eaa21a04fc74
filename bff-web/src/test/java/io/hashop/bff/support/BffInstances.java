package io.hashop.bff.support;

import java.util.ArrayList;
import java.util.List;

import io.hashop.bff.BffApplication;
import io.hashop.devinfra.RedisServer;
import io.hashop.devinfra.test.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * More BFF instances beside a test's own: started like the real one, on free ports, with
 * the test Redis and the given fakes, so they share sessions and catalog invalidations.
 */
public final class BffInstances {

	private BffInstances() {
	}

	public static ConfigurableApplicationContext start(FakeDownstreams downstreams) {
		RedisServer redis = TestInfrastructure.redis();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port()));
		downstreams.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(BffApplication.class).run(args.toArray(String[]::new));
	}

	/** Where an instance serves the public API. */
	public static String url(ConfigurableApplicationContext bff) {
		return "http://localhost:" + bff.getEnvironment().getProperty("local.server.port");
	}

}
