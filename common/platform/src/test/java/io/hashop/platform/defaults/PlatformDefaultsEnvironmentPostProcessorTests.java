package io.hashop.platform.defaults;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDefaultsEnvironmentPostProcessorTests {

	@Test
	void addsTheDefaultsBehindTheServicesOwnConfiguration() {
		StandardEnvironment environment = environment(Map.of("server.shutdown", "immediate"));

		new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
		assertThat(environment.getProperty("management.endpoint.health.group.healthz.additional-path"))
			.isEqualTo("server:/healthz");
		assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
	}

	@Test
	void switchesConsoleLogsToJsonOnlyWhenAskedTo() {
		StandardEnvironment json = environment(Map.of("LOG_FORMAT", "json"));
		StandardEnvironment plain = environment(Map.of());

		new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(json, new SpringApplication());
		new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(plain, new SpringApplication());

		assertThat(json.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(plain.getProperty("logging.structured.format.console")).isNull();
	}

	@Test
	void exportsTracesOnlyToARealEndpoint() {
		StandardEnvironment configured = environment(Map.of("TRACING_OTLP_ENDPOINT", "http://tempo:4318/v1/traces"));
		StandardEnvironment empty = environment(Map.of("TRACING_OTLP_ENDPOINT", " "));
		StandardEnvironment unset = environment(Map.of());

		for (StandardEnvironment environment : new StandardEnvironment[] { configured, empty, unset }) {
			new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		}

		assertThat(configured.getProperty(PlatformDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT))
			.isEqualTo("http://tempo:4318/v1/traces");
		assertThat(empty.containsProperty(PlatformDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT)).isFalse();
		assertThat(unset.containsProperty(PlatformDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT)).isFalse();
		assertThat(unset.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
