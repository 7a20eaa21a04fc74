package io.hashop.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code platform-defaults.properties} behind every other property source, so a
 * service's own configuration always wins, and switches console logs to JSON when
 * {@code LOG_FORMAT=json}, and exports traces over OTLP when
 * {@code TRACING_OTLP_ENDPOINT} is set (Spring Boot creates its exporter whenever the
 * endpoint property exists, even empty, so the property is set only for a real address).
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DEFAULTS = "platform-defaults.properties";

	static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("platformDefaults", new ClassPathResource(DEFAULTS)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if ("json".equalsIgnoreCase(environment.getProperty("LOG_FORMAT"))) {
			environment.getPropertySources()
				.addFirst(
						new MapPropertySource("platformJsonLogs", Map.of("logging.structured.format.console", "ecs")));
		}
		String otlpEndpoint = environment.getProperty("TRACING_OTLP_ENDPOINT");
		if (otlpEndpoint != null && !otlpEndpoint.isBlank() && !environment.containsProperty(OTLP_ENDPOINT)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("platformTracingExport", Map.of(OTLP_ENDPOINT, otlpEndpoint.strip())));
		}
	}

}
