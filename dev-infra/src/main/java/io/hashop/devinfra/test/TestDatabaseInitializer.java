package io.hashop.devinfra.test;

import java.util.Map;
import java.util.UUID;

import io.hashop.devinfra.PostgresServer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code spring.datasource} at a new database with a unique name (the configured
 * one plus a random suffix), so test contexts and test runs never share data.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String configuredUrl = context.getEnvironment().getProperty("spring.datasource.url", "jdbc:postgresql:///test");
		String database = baseName(configuredUrl) + "_t" + UUID.randomUUID().toString().substring(0, 8);
		PostgresServer postgres = TestInfrastructure.postgres();
		postgres.createDatabaseIfMissing(database);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase",
					Map.of("spring.datasource.url", postgres.jdbcUrl(database), "spring.datasource.username",
							postgres.username(), "spring.datasource.password", postgres.password())));
	}

	static String baseName(String jdbcUrl) {
		String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
		int query = path.indexOf('?');
		return ((query >= 0) ? path.substring(0, query) : path).replaceAll("[^a-z0-9_]", "");
	}

}
