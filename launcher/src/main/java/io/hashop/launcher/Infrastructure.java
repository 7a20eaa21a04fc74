package io.hashop.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The infrastructure steps, started in order and closed in reverse order. Synchronized so
 * that a Ctrl-C during startup closes what was started instead of racing it.
 */
final class Infrastructure implements AutoCloseable {

	private final List<InfrastructureStep> steps;

	private final List<InfrastructureStep> started = new ArrayList<>();

	private boolean closed;

	Infrastructure(List<InfrastructureStep> steps) {
		this.steps = steps;
	}

	/** PostgreSQL, Redis, Kafka and SMTP as the environment and the service table ask. */
	static Infrastructure standard(Map<String, String> env, List<ServiceSpec> services, Jdk jdk, RepoLayout layout) {
		int postgresPort = Ports.fromEnvironment(env, "LAUNCHER_POSTGRES_PORT", 15432);
		int redisPort = Ports.fromEnvironment(env, "LAUNCHER_REDIS_PORT", 16379);
		int kafkaPort = Ports.fromEnvironment(env, "LAUNCHER_KAFKA_PORT", 19092);
		int smtpPort = Ports.fromEnvironment(env, "LAUNCHER_SMTP_PORT", 11025);
		return new Infrastructure(
				List.of(new PostgresStep(env, postgresPort, ServiceTable.databases(services)),
						new RedisStep(env, redisPort),
						new KafkaStep(env, () -> new KafkaBroker(jdk.java(), layout.kafkaLibs(),
								KafkaBroker.temporaryDirectory(), kafkaPort, kafkaPort + 1)),
						new MailStep(env, smtpPort)));
	}

	/**
	 * Starts every step.
	 * @param out where to report each step
	 * @return the variables of all steps together
	 */
	synchronized Map<String, String> start(PrintStream out) {
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
