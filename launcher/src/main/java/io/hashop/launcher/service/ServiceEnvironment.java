package io.hashop.launcher.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the environment variables of one process from the table, the infrastructure and
 * the secrets.
 */
public final class ServiceEnvironment {

	/**
	 * Variables the launcher decides; inherited values are dropped first so that one
	 * exported in the developer's shell (a {@code GRPC_PORT}, say) cannot leak into every
	 * process.
	 */
	static final Set<String> MANAGED = Set.of("DATABASE_HOST", "DATABASE_PORT", "DATABASE_USERNAME",
			"DATABASE_PASSWORD", "DATABASE_NAME", "REDIS_HOST", "REDIS_PORT", "REDIS_SENTINEL_MASTER",
			"REDIS_SENTINEL_NODES", "KAFKA_BOOTSTRAP_SERVERS", "SMTP_HOST", "SMTP_PORT", "INTERNAL_TOKEN_SECRET",
			"SERVER_PORT", "MANAGEMENT_PORT", "GRPC_PORT", "ADMIN_EMAIL", "ADMIN_PASSWORD", "USER_SERVICE_ADDRESS",
			"ORDER_SERVICE_ADDRESS", "PAYMENT_SERVICE_URL", "PAYMENT_SERVICE_URLS", "BFF_URLS");

	private ServiceEnvironment() {
	}

	/**
	 * @param service the process
	 * @param infrastructure the variables that reach the infrastructure
	 * @param secrets the secrets of this run
	 * @return the variables the launcher sets for this process
	 */
	public static Map<String, String> build(ServiceSpec service, Map<String, String> infrastructure, Secrets secrets) {
		Map<String, String> env = new TreeMap<>(infrastructure);
		env.put("INTERNAL_TOKEN_SECRET", secrets.internalTokenSecret());
		service.database().ifPresent((name) -> env.put("DATABASE_NAME", name));
		env.put("SERVER_PORT", String.valueOf(service.serverPort()));
		env.put("MANAGEMENT_PORT", String.valueOf(service.managementPort()));
		service.grpcPort().ifPresent((port) -> env.put("GRPC_PORT", String.valueOf(port)));
		if (service.seedsAdmin()) {
			env.put("ADMIN_EMAIL", secrets.adminEmail());
			env.put("ADMIN_PASSWORD", secrets.adminPassword());
		}
		env.putAll(service.environment());
		return env;
	}

	/** Replaces the managed variables of an inherited environment with the built ones. */
	public static void apply(Map<String, String> processEnvironment, Map<String, String> built) {
		processEnvironment.keySet().removeAll(MANAGED);
		processEnvironment.putAll(built);
	}

}
