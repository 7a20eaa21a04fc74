package io.hashop.launcher.infrastructure;

import java.util.Map;

import io.hashop.devinfra.RedisSentinelGroup;
import io.hashop.devinfra.RedisServer;
import io.hashop.launcher.service.LauncherException;

/**
 * Redis, shared by the services: one node, or with {@code sentinel} a primary, a replica
 * and three sentinels that the services reach through {@code REDIS_SENTINEL_MASTER} and
 * {@code REDIS_SENTINEL_NODES}.
 */
public final class RedisStep implements InfrastructureStep {

	private final Map<String, String> env;

	private final int embeddedPort;

	private final boolean sentinel;

	private RedisServer server;

	private RedisSentinelGroup group;

	public RedisStep(Map<String, String> env, int embeddedPort) {
		this(env, embeddedPort, false);
	}

	public RedisStep(Map<String, String> env, int embeddedPort, boolean sentinel) {
		this.env = env;
		this.embeddedPort = embeddedPort;
		this.sentinel = sentinel;
	}

	@Override
	public Map<String, String> start() {
		if (this.sentinel) {
			String host = this.env.get("REDIS_HOST");
			if (host != null && !host.isBlank()) {
				throw new LauncherException(
						"REDIS_HOST names an external Redis, but --redis-sentinel starts a local one: unset one of them.");
			}
			this.group = RedisSentinelGroup.start(this.embeddedPort);
			return Map.of("REDIS_SENTINEL_MASTER", RedisSentinelGroup.MASTER_NAME, "REDIS_SENTINEL_NODES",
					this.group.sentinelNodes());
		}
		this.server = RedisServer.fromEnvironmentOrEmbedded(this.env, this.embeddedPort);
		return Map.of("REDIS_HOST", this.server.host(), "REDIS_PORT", String.valueOf(this.server.port()));
	}

	public RedisServer server() {
		if (this.server == null) {
			throw new IllegalStateException("Redis runs with Sentinel here: use its RedisSentinelGroup");
		}
		return this.server;
	}

	/** The primary, replica and sentinels, when started with Sentinel. */
	public RedisSentinelGroup sentinelGroup() {
		if (this.group == null) {
			throw new IllegalStateException("Redis runs as a single node here: start with Sentinel to have a group");
		}
		return this.group;
	}

	@Override
	public String description() {
		if (this.group != null) {
			return "Redis with Sentinel: primary on port " + this.group.primaryPort().orElse(-1) + ", sentinels "
					+ this.group.sentinelNodes() + " (master " + RedisSentinelGroup.MASTER_NAME + ", embedded)";
		}
		return "Redis " + this.server.host() + ":" + this.server.port()
				+ (this.server.isEmbedded() ? " (embedded)" : " (external)");
	}

	@Override
	public void close() {
		if (this.server != null) {
			Infrastructure.quietly("Redis", this.server::close);
		}
		if (this.group != null) {
			Infrastructure.quietly("Redis with Sentinel", this.group::close);
		}
	}

}
