package io.hashop.launcher.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the jars and the logs are: the launcher runs from the repository root.
 */
public final class RepoLayout {

	static final String BUILD_FIRST = "Build first: ./mvnw -DskipTests install";

	private final Path root;

	private final Path logs;

	public RepoLayout(Path root) {
		this(root, root.resolve(".platform").resolve("logs"));
	}

	public RepoLayout(Path root, Path logs) {
		this.root = root.toAbsolutePath().normalize();
		this.logs = logs.toAbsolutePath().normalize();
	}

	public Path root() {
		return this.root;
	}

	public Path jar(ServiceSpec service) {
		return this.root.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
	}

	/**
	 * Where the supervisor keeps each instance's state ({@code ./run-local.sh status}).
	 */
	public Path statusFile() {
		return this.root.resolve(".platform").resolve("status");
	}

	public Path logsDirectory() {
		return this.logs;
	}

	/** The jars of the local Kafka broker, copied there by the build. */
	public Path kafkaLibs() {
		return this.root.resolve("launcher").resolve("kafka-broker").resolve("target").resolve("kafka-libs");
	}

	/** Fails unless the Kafka broker's jars were copied by the build. */
	public void requireKafkaLibs() {
		Path libs = kafkaLibs();
		try (var jars = Files.list(libs)) {
			if (jars.anyMatch((jar) -> jar.getFileName().toString().startsWith("kafka_2.13"))) {
				return;
			}
		}
		catch (java.io.IOException ex) {
			// reported below
		}
		throw new LauncherException("Missing the Kafka broker's jars in " + relative(libs) + ". " + BUILD_FIRST);
	}

	public Path log(ServiceSpec service) {
		return logsDirectory().resolve(service.name() + ".log");
	}

	/** Shown to the user relative to the root, which is where they are. */
	public Path relative(Path path) {
		return path.startsWith(this.root) ? this.root.relativize(path) : path;
	}

	/** Fails unless every jar exists, before anything is started. */
	public void requireJars(List<ServiceSpec> services) {
		for (ServiceSpec service : services) {
			Path jar = jar(service);
			if (!Files.isRegularFile(jar)) {
				throw new LauncherException("Missing " + relative(jar) + " in " + this.root
						+ " (run from the repository root). " + BUILD_FIRST);
			}
		}
	}

}
