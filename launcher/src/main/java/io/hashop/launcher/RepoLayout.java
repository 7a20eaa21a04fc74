package io.hashop.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the jars and the logs are: the launcher runs from the repository root.
 */
final class RepoLayout {

	static final String BUILD_FIRST = "Build first: ./mvnw -DskipTests install";

	private final Path root;

	RepoLayout(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	Path root() {
		return this.root;
	}

	Path jar(ServiceSpec service) {
		return this.root.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
	}

	Path logsDirectory() {
		return this.root.resolve(".platform").resolve("logs");
	}

	Path log(ServiceSpec service) {
		return logsDirectory().resolve(service.name() + ".log");
	}

	/** Shown to the user relative to the root, which is where they are. */
	Path relative(Path path) {
		return this.root.relativize(path);
	}

	/** Fails unless every jar exists, before anything is started. */
	void requireJars(List<ServiceSpec> services) {
		for (ServiceSpec service : services) {
			Path jar = jar(service);
			if (!Files.isRegularFile(jar)) {
				throw new LauncherException("Missing " + relative(jar) + " in " + this.root
						+ " (run from the repository root). " + BUILD_FIRST);
			}
		}
	}

}
