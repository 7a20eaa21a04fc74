package io.hashop.bench.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the launcher started a running service, read back from {@code /proc}: the JDK, the
 * JVM options, the jar, the working directory and the environment (database, Kafka,
 * Redis, secrets, ports). A copy started on other ports is the same service, which is
 * what the launcher would start, without a copy of the launcher's logic here.
 */
record ServiceLaunch(String module, Path java, List<String> jvmOptions, Path jar, Path directory,
		Map<String, String> environment) {

	static final String SERVER_PORT = "SERVER_PORT";

	static final String MANAGEMENT_PORT = "MANAGEMENT_PORT";

	static final String GRPC_PORT = "GRPC_PORT";

	ServiceLaunch {
		jvmOptions = List.copyOf(jvmOptions);
		environment = Map.copyOf(environment);
	}

	/** Reads how the process {@code pid} of {@code module} was started. */
	static ServiceLaunch of(String module, long pid) throws IOException {
		return parse(module, ProcFiles.commandLine(pid), ProcFiles.workingDirectory(pid), ProcFiles.environment(pid));
	}

	/** {@code <java> <options> -jar <jar>}, as the launcher starts every service. */
	static ServiceLaunch parse(String module, List<String> commandLine, Path directory,
			Map<String, String> environment) {
		int jar = commandLine.indexOf("-jar");
		if (jar < 1 || jar != commandLine.size() - 2) {
			throw new IllegalArgumentException(
					module + " was not started as '<java> <options> -jar <jar>': " + commandLine);
		}
		return new ServiceLaunch(module, Path.of(commandLine.get(0)), commandLine.subList(1, jar),
				directory.resolve(commandLine.get(jar + 1)), directory, environment);
	}

	/**
	 * The environment on other ports, so that a second instance runs beside the first; a
	 * gRPC port only for a service that has one.
	 */
	Map<String, String> environmentOn(Ports ports) {
		Map<String, String> moved = new LinkedHashMap<>(this.environment);
		moved.put(SERVER_PORT, Integer.toString(ports.server()));
		moved.put(MANAGEMENT_PORT, Integer.toString(ports.management()));
		if (moved.containsKey(GRPC_PORT)) {
			moved.put(GRPC_PORT, Integer.toString(ports.grpc()));
		}
		return moved;
	}

	/** The feature release of the JDK ({@code 25} for 25.0.3), from its release file. */
	int javaFeatureVersion() throws IOException {
		Path home = this.java.toRealPath().getParent().getParent();
		return featureVersion(Files.readString(home.resolve("release"), StandardCharsets.ISO_8859_1));
	}

	/** {@code JAVA_VERSION="25.0.3"} (or {@code "1.8.0_402"}) in a JDK's release file. */
	static int featureVersion(String releaseFile) {
		for (String line : releaseFile.split("\n")) {
			if (line.startsWith("JAVA_VERSION=")) {
				String version = line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
				String[] parts = version.split("[._+-]");
				int first = Integer.parseInt(parts[0]);
				return (first == 1 && parts.length > 1) ? Integer.parseInt(parts[1]) : first;
			}
		}
		throw new IllegalArgumentException("No JAVA_VERSION in the JDK's release file");
	}

	/** Ports for one more instance. */
	record Ports(int server, int management, int grpc) {

	}

}
