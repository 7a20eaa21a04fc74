package io.hashop.launcher;

import java.util.Map;

import io.hashop.devinfra.RedisServer;

/**
 * Redis, shared by the services.
 */
final class RedisStep implements InfrastructureStep {

	private final Map<String, String> env;

	private final int embeddedPort;

	private RedisServer server;

	RedisStep(Map<String, String> env, int embeddedPort) {
		this.env = env;
		this.embeddedPort = embeddedPort;
	}

	@Override
	public Map<String, String> start() {
		this.server = RedisServer.fromEnvironmentOrEmbedded(this.env, this.embeddedPort);
		return Map.of("REDIS_HOST", this.server.host(), "REDIS_PORT", String.valueOf(this.server.port()));
	}

	RedisServer server() {
		return this.server;
	}

	@Override
	public String description() {
		return "Redis " + this.server.host() + ":" + this.server.port()
				+ (this.server.isEmbedded() ? " (embedded)" : " (external)");
	}

	@Override
	public void close() {
		if (this.server != null) {
			Infrastructure.quietly("Redis", this.server::close);
		}
	}

}
