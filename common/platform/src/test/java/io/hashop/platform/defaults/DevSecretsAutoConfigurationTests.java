package io.hashop.platform.defaults;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class DevSecretsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DevSecretsAutoConfiguration.class));

	@Test
	void refusesToStartWithADevOnlySecretAndNamesItWithoutItsValue() {
		this.runner
			.withPropertyValues("platform.identity.secret=dev-only-internal-token-secret-not-for-production",
					"spring.datasource.password=real-password")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("platform.identity.secret")
					.hasMessageContaining("HASHOP_ALLOW_DEV_SECRETS")
					.hasMessageNotContaining("spring.datasource.password")
					.hasMessageNotContaining("not-for-production");
			});
	}

	@Test
	void refusesDevOnlySecretsThatComeFromTheEnvironment() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("ADMIN_PASSWORD", "dev-only-admin-password", "DATABASE_PASSWORD", "DEV-ONLY-users"))))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("ADMIN_PASSWORD")
					.hasMessageContaining("DATABASE_PASSWORD");
			});
	}

	@Test
	void startsWithDevOnlySecretsWhenTheLocalRunAllowsThem() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("localRun",
						Map.of("HASHOP_ALLOW_DEV_SECRETS", "true", "ADMIN_PASSWORD", "dev-only-admin-password"))))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void startsWithRealSecrets() {
		this.runner
			.withPropertyValues("platform.identity.secret=k7Qw9vXz2LmN4pRt6YbC8dFh0JsU3eGa",
					"spring.datasource.password=s3cret-from-the-vault", "hashop.user.admin.password=")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
