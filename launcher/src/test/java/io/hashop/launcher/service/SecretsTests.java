package io.hashop.launcher.service;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

	@Test
	void generatesSecretsWhenTheEnvironmentHasNone() {
		Secrets secrets = Secrets.fromEnvironment(Map.of(), new Random(42));
		assertThat(secrets.internalTokenSecret()).hasSize(48).matches("[A-Za-z0-9_-]+");
		assertThat(secrets.adminEmail()).isEqualTo("admin@hashop.local");
		assertThat(secrets.adminPassword()).hasSize(20).matches("[A-Za-z0-9]+");
	}

	@Test
	void generatesDifferentSecretsEachRun() {
		Secrets first = Secrets.fromEnvironment(Map.of());
		Secrets second = Secrets.fromEnvironment(Map.of());
		assertThat(first.internalTokenSecret()).isNotEqualTo(second.internalTokenSecret());
		assertThat(first.adminPassword()).isNotEqualTo(second.adminPassword());
	}

	@Test
	void takesSecretsFromTheEnvironment() {
		Secrets secrets = Secrets.fromEnvironment(Map.of("INTERNAL_TOKEN_SECRET", "s3cret", "ADMIN_EMAIL",
				"root@example.com", "ADMIN_PASSWORD", "letmein"), new Random(1));
		assertThat(secrets).isEqualTo(new Secrets("s3cret", "root@example.com", "letmein"));
	}

	@Test
	void treatsBlankValuesAsUnset() {
		Secrets secrets = Secrets.fromEnvironment(Map.of("ADMIN_EMAIL", " ", "ADMIN_PASSWORD", ""), new Random(1));
		assertThat(secrets.adminEmail()).isEqualTo("admin@hashop.local");
		assertThat(secrets.adminPassword()).hasSize(20);
	}

}
