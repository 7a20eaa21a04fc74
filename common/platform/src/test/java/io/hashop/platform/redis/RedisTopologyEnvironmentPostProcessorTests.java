package io.hashop.platform.redis;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RedisTopologyEnvironmentPostProcessorTests {

	@Test
	void leavesASingleNodeAloneWithoutAnySentinelProperty() {
		StandardEnvironment environment = processed(Map.of("REDIS_HOST", "redis", "REDIS_SENTINEL_MASTER", " "));

		assertThat(environment.containsProperty("spring.data.redis.sentinel.master")).isFalse();
		assertThat(environment.containsProperty("spring.data.redis.sentinel.nodes")).isFalse();
	}

	@Test
	void mapsTheSentinelVariablesToSpringBootsProperties() {
		StandardEnvironment environment = processed(Map.of("REDIS_SENTINEL_MASTER", "hashop", "REDIS_SENTINEL_NODES",
				"redis-sentinel-0:26379, redis-sentinel-1:26379", "REDIS_SENTINEL_PASSWORD", "s3cret"));

		assertThat(environment.getProperty("spring.data.redis.sentinel.master")).isEqualTo("hashop");
		assertThat(environment.getProperty("spring.data.redis.sentinel.nodes"))
			.isEqualTo("redis-sentinel-0:26379,redis-sentinel-1:26379");
		assertThat(environment.getProperty("spring.data.redis.sentinel.password")).isEqualTo("s3cret");
	}

	@Test
	void refusesAMasterWithoutSentinels() {
		assertThatIllegalStateException().isThrownBy(() -> processed(Map.of("REDIS_SENTINEL_MASTER", "hashop")))
			.withMessage("Inconsistent Redis settings: REDIS_SENTINEL_MASTER is set but REDIS_SENTINEL_NODES is not:"
					+ " Sentinel needs both the master name and the sentinels as host:port,host:port.");
	}

	@Test
	void reportsTheSentenceAndWhatToSetWithoutAStackTrace() {
		InconsistentRedisSettingsException failure = new InconsistentRedisSettingsException("something is off.");

		FailureAnalysis analysis = new InconsistentRedisSettingsFailureAnalyzer().analyze(failure);

		assertThat(analysis.getDescription()).isEqualTo("Inconsistent Redis settings: something is off.");
		assertThat(analysis.getAction()).contains("REDIS_SENTINEL_MASTER and REDIS_SENTINEL_NODES");
	}

	@Test
	void refusesSentinelsWithoutAMaster() {
		assertThatIllegalStateException().isThrownBy(() -> processed(Map.of("REDIS_SENTINEL_NODES", "a:26379")))
			.withMessageContaining("REDIS_SENTINEL_NODES is set but REDIS_SENTINEL_MASTER is not");
	}

	@Test
	void refusesNodesThatAreNotHostPortPairs() {
		assertThatIllegalStateException()
			.isThrownBy(() -> processed(Map.of("REDIS_SENTINEL_MASTER", "hashop", "REDIS_SENTINEL_NODES", "a;b")))
			.withMessageContaining("must list the sentinels as host:port,host:port, not 'a;b'");
	}

	@Test
	void refusesASingleNodeAndSentinelTogether() {
		assertThatIllegalStateException()
			.isThrownBy(() -> processed(Map.of("REDIS_HOST", "redis", "REDIS_SENTINEL_MASTER", "hashop",
					"REDIS_SENTINEL_NODES", "a:26379")))
			.withMessageContaining("Both REDIS_HOST and REDIS_SENTINEL_MASTER are set");
	}

	@Test
	void refusesASentinelPasswordWithoutSentinel() {
		assertThatIllegalStateException().isThrownBy(() -> processed(Map.of("REDIS_SENTINEL_PASSWORD", "s3cret")))
			.withMessageContaining("REDIS_SENTINEL_PASSWORD is set but");
	}

	private static StandardEnvironment processed(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
		new RedisTopologyEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
