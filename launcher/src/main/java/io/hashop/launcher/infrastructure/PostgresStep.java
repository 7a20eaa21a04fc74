package io.hashop.launcher.infrastructure;

import java.util.List;
import java.util.Map;

import io.hashop.devinfra.PostgresServer;

/**
 * PostgreSQL with the databases of the services.
 */
public final class PostgresStep implements InfrastructureStep {

	private final Map<String, String> env;

	private final int embeddedPort;

	private final List<String> databases;

	private PostgresServer server;

	public PostgresStep(Map<String, String> env, int embeddedPort, List<String> databases) {
		this.env = env;
		this.embeddedPort = embeddedPort;
		this.databases = databases;
	}

	@Override
	public Map<String, String> start() {
		this.server = PostgresServer.fromEnvironmentOrEmbedded(this.env, this.embeddedPort);
		this.databases.forEach(this.server::createDatabaseIfMissing);
		return Map.of("DATABASE_HOST", this.server.host(), "DATABASE_PORT", String.valueOf(this.server.port()),
				"DATABASE_USERNAME", this.server.username(), "DATABASE_PASSWORD", this.server.password());
	}

	public PostgresServer server() {
		return this.server;
	}

	@Override
	public String description() {
		return "PostgreSQL " + this.server.host() + ":" + this.server.port()
				+ (this.server.isEmbedded() ? " (embedded)" : " (external)") + ", databases "
				+ String.join(", ", this.databases);
	}

	@Override
	public void close() {
		if (this.server != null) {
			Infrastructure.quietly("PostgreSQL", this.server::close);
		}
	}

}
