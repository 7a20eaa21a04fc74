package io.hashop.platform.defaults;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a process that holds a dev-only secret (a value starting with
 * {@code dev-only}, as the Compose file and the local Kubernetes overlay ship for
 * {@code INTERNAL_TOKEN_SECRET}, {@code ADMIN_PASSWORD} and the database passwords),
 * unless the local run says so with {@code HASHOP_ALLOW_DEV_SECRETS=true}. Every property
 * or environment variable whose name contains {@code password} or {@code secret} is
 * checked; the failure names them, never their values.
 */
@AutoConfiguration
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
public class DevSecretsAutoConfiguration {

	/**
	 * Allows dev-only secrets (env {@code HASHOP_ALLOW_DEV_SECRETS}); local runs only.
	 */
	public static final String ALLOW_DEV_SECRETS = "hashop.allow-dev-secrets";

	static final String DEV_ONLY_PREFIX = "dev-only";

	DevSecretsAutoConfiguration(Environment environment) {
		if (environment.getProperty(ALLOW_DEV_SECRETS, Boolean.class, false)) {
			return;
		}
		Set<String> devSecrets = devSecrets(environment);
		if (!devSecrets.isEmpty()) {
			throw new IllegalStateException("Refusing to start: " + String.join(", ", devSecrets)
					+ " hold a dev-only value; set real secrets, or HASHOP_ALLOW_DEV_SECRETS=true for a local run");
		}
	}

	static Set<String> devSecrets(Environment environment) {
		Set<String> found = new TreeSet<>();
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return found;
		}
		configurable.getPropertySources()
			.stream()
			.filter(EnumerablePropertySource.class::isInstance)
			.flatMap((source) -> Set.of(((EnumerablePropertySource<?>) source).getPropertyNames()).stream())
			.filter(DevSecretsAutoConfiguration::isSecretName)
			.filter((name) -> isDevOnly(resolved(environment, name)))
			.forEach(found::add);
		return found;
	}

	private static boolean isSecretName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.contains("password") || lower.contains("secret");
	}

	private static boolean isDevOnly(String value) {
		return value != null && value.strip().toLowerCase(Locale.ROOT).startsWith(DEV_ONLY_PREFIX);
	}

	private static String resolved(Environment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (IllegalArgumentException ex) {
			// An unresolvable placeholder: not a value at all, so not a dev-only one.
			return null;
		}
	}

}
