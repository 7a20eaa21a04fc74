package io.hashop.launcher.infrastructure;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.hashop.launcher.jdk.Jdk;
import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.Ports;
import io.hashop.launcher.service.RepoLayout;
import io.hashop.launcher.service.ServiceSpec;
import io.hashop.launcher.service.ServiceTable;

/**
 * The infrastructure steps, started in order and closed in reverse order. Synchronized so
 * that a Ctrl-C during startup closes what was started instead of racing it.
 */
public final class Infrastructure implements AutoCloseable {

	private final List<InfrastructureStep> steps;

	private final List<InfrastructureStep> started = new ArrayList<>();

	private boolean closed;

	public Infrastructure(List<InfrastructureStep> steps) {
		this.steps = steps;
	}

	/**
	 * PostgreSQL, Redis (with Sentinel if {@code redisSentinel}), Kafka and SMTP as the
	 * environment and the service table ask.
	 */
	public static Infrastructure standard(Map<String, String> env, List<ServiceSpec> services, Jdk jdk,
			RepoLayout layout, boolean redisSentinel) {
		int postgresPort = postgresPort(env);
		int redisPort = redisPort(env);
		int kafkaPort = kafkaPort(env);
		int smtpPort = smtpPort(env);
		return new Infrastructure(List.of(new PostgresStep(env, postgresPort, ServiceTable.databases(services)),
				new RedisStep(env, redisPort, redisSentinel), new KafkaStep(env, () -> new KafkaBroker(jdk.java(),
						layout.kafkaLibs(), KafkaBroker.temporaryDirectory(), kafkaPort, kafkaPort + 1)),
				new MailStep(env, smtpPort)));
	}

	/** Fails naming the port when one the local infrastructure needs is taken. */
	public static void requireFreePorts(Map<String, String> env, boolean redisSentinel) {
		if (isBlank(env.get("DATABASE_HOST"))) {
			Ports.requireFree(postgresPort(env), "PostgreSQL");
		}
		if (isBlank(env.get("REDIS_HOST"))) {
			Ports.requireFree(redisPort(env), "Redis");
			if (redisSentinel) {
				// The replica and the three sentinels take the next ports.
				for (int port = redisPort(env) + 1; port <= redisPort(env) + 4; port++) {
					Ports.requireFree(port, "Redis with Sentinel");
				}
			}
		}
		if (isBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
			Ports.requireFree(kafkaPort(env), "Kafka");
			Ports.requireFree(kafkaPort(env) + 1, "the Kafka controller");
		}
		if (isBlank(env.get("SMTP_HOST"))) {
			Ports.requireFree(smtpPort(env), "SMTP");
		}
	}

	private static int postgresPort(Map<String, String> env) {
		return Ports.fromEnvironment(env, "LAUNCHER_POSTGRES_PORT", 15432);
	}

	private static int redisPort(Map<String, String> env) {
		return Ports.fromEnvironment(env, "LAUNCHER_REDIS_PORT", 16379);
	}

	private static int kafkaPort(Map<String, String> env) {
		return Ports.fromEnvironment(env, "LAUNCHER_KAFKA_PORT", 19092);
	}

	private static int smtpPort(Map<String, String> env) {
		return Ports.fromEnvironment(env, "LAUNCHER_SMTP_PORT", 11025);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * Starts every step.
	 * @param out where to report each step
	 * @return the variables of all steps together
	 */
	public synchronized Map<String, String> start(PrintStream out) {
		Map<String, String> env = new TreeMap<>();
		for (InfrastructureStep step : this.steps) {
			if (this.closed) {
				throw new LauncherException("Stopped while starting the infrastructure.");
			}
			this.started.add(step);
			env.putAll(step.start());
			out.println("  " + step.description());
		}
		return env;
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
		this.started.clear();
	}

	/**
	 * Runs a close action, reporting instead of throwing: the others must still close.
	 */
	static void quietly(String what, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			System.err.println("Could not stop " + what + ": " + ex.getMessage());
		}
	}

}
