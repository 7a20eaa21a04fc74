package io.hashop.launcher.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One process of the platform. The {@code name} names its log and may differ from the
 * {@code module} whose jar it runs, so that replicas can be added later.
 *
 * @param name the process name, unique in the table
 * @param module the Maven module whose {@code target/<module>.jar} runs
 * @param stage processes of a lower stage are ready before those of a higher one start
 * @param serverPort the main HTTP port, which also serves {@code /readyz}
 * @param managementPort the actuator port
 * @param grpcPort the gRPC port, if the process serves gRPC
 * @param database its own database, if it has one
 * @param seedsAdmin whether it receives the admin account to create
 * @param environment further variables only this process needs
 */
public record ServiceSpec(String name, String module, int stage, int serverPort, int managementPort,
		OptionalInt grpcPort, Optional<String> database, boolean seedsAdmin, Map<String, String> environment) {

	public ServiceSpec {
		environment = Map.copyOf(environment);
	}

	public static ServiceSpec of(String module, int stage, int serverPort, int managementPort) {
		return new ServiceSpec(module, module, stage, serverPort, managementPort, OptionalInt.empty(), Optional.empty(),
				false, Map.of());
	}

	ServiceSpec withGrpcPort(int port) {
		return new ServiceSpec(this.name, this.module, this.stage, this.serverPort, this.managementPort,
				OptionalInt.of(port), this.database, this.seedsAdmin, this.environment);
	}

	ServiceSpec withDatabase(String database) {
		return new ServiceSpec(this.name, this.module, this.stage, this.serverPort, this.managementPort, this.grpcPort,
				Optional.of(database), this.seedsAdmin, this.environment);
	}

	ServiceSpec withAdmin() {
		return new ServiceSpec(this.name, this.module, this.stage, this.serverPort, this.managementPort, this.grpcPort,
				this.database, true, this.environment);
	}

	/**
	 * Replica {@code n} (from 2) of this process: named {@code <name>-<n>}, every port
	 * shifted by {@code 100 * (n - 1)}, the same database.
	 */
	ServiceSpec replica(int n) {
		if (n < 2) {
			throw new IllegalArgumentException("Replica numbers start at 2: " + n);
		}
		int shift = 100 * (n - 1);
		return new ServiceSpec(this.name + "-" + n, this.module, this.stage, this.serverPort + shift,
				this.managementPort + shift,
				this.grpcPort.isPresent() ? OptionalInt.of(this.grpcPort.getAsInt() + shift) : OptionalInt.empty(),
				this.database, false, this.environment);
	}

	/**
	 * This process with every port shifted by {@code offset}, so that a second platform
	 * runs beside one on the table's ports.
	 */
	ServiceSpec shifted(int offset) {
		return new ServiceSpec(this.name, this.module, this.stage, this.serverPort + offset,
				this.managementPort + offset,
				this.grpcPort.isPresent() ? OptionalInt.of(this.grpcPort.getAsInt() + offset) : OptionalInt.empty(),
				this.database, this.seedsAdmin, this.environment);
	}

	ServiceSpec withEnvironment(String key, String value) {
		Map<String, String> environment = new LinkedHashMap<>(this.environment);
		environment.put(key, value);
		return new ServiceSpec(this.name, this.module, this.stage, this.serverPort, this.managementPort, this.grpcPort,
				this.database, this.seedsAdmin, environment);
	}

}
