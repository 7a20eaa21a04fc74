package io.hashop.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import redis.embedded.Redis;
import redis.embedded.RedisSentinel;

/**
 * Redis as production runs it with Sentinel, on loopback: a primary, one replica of it
 * and three sentinels (quorum two) that promote the replica when the primary is down for
 * {@link #DOWN_AFTER_MILLIS}. Services reach it through {@code REDIS_SENTINEL_MASTER} and
 * {@code REDIS_SENTINEL_NODES}. No persistence: a killed node loses its data, as a
 * crashed pod without a volume would; the replica holds what was replicated before.
 */
public final class RedisSentinelGroup implements AutoCloseable {

	/** The master name the sentinels monitor. */
	public static final String MASTER_NAME = "hashop";

	/** How long a primary must be unreachable before the sentinels call it down. */
	public static final long DOWN_AFTER_MILLIS = 1000;

	private static final long FAILOVER_TIMEOUT_MILLIS = 5000;

	private final int primaryPort;

	private final int replicaPort;

	private final List<Integer> sentinelPorts;

	private final List<Redis> started = new ArrayList<>();

	private RedisSentinelGroup(int primaryPort, int replicaPort, List<Integer> sentinelPorts) {
		this.primaryPort = primaryPort;
		this.replicaPort = replicaPort;
		this.sentinelPorts = List.copyOf(sentinelPorts);
	}

	/**
	 * Starts the primary on {@code basePort}, the replica on {@code basePort + 1} and the
	 * sentinels on the next three ports; {@code 0} takes free ports.
	 */
	public static RedisSentinelGroup start(int basePort) {
		int primary = (basePort != 0) ? basePort : RedisServer.freePort();
		int replica = (basePort != 0) ? basePort + 1 : RedisServer.freePort();
		List<Integer> sentinels = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			sentinels.add((basePort != 0) ? basePort + 2 + i : RedisServer.freePort());
		}
		RedisSentinelGroup group = new RedisSentinelGroup(primary, replica, sentinels);
		try {
			group.startAll();
			return group;
		}
		catch (IOException | RuntimeException ex) {
			group.close();
			throw new IllegalStateException("Could not start Redis with Sentinel on ports " + primary + ", " + replica
					+ " and " + sentinels + ": " + ex.getMessage(), ex);
		}
	}

	private void startAll() throws IOException {
		start(node(this.primaryPort).build());
		start(node(this.replicaPort).slaveOf("127.0.0.1", this.primaryPort).build());
		for (int port : this.sentinelPorts) {
			start(RedisSentinel.newRedisSentinel()
				.bind("127.0.0.1")
				.port(port)
				.masterName(MASTER_NAME)
				.masterPort(this.primaryPort)
				.quorumSize(2)
				.downAfterMilliseconds(DOWN_AFTER_MILLIS)
				.failOverTimeout(FAILOVER_TIMEOUT_MILLIS)
				.parallelSyncs(1)
				.build());
		}
	}

	private static redis.embedded.core.RedisServerBuilder node(int port) {
		return redis.embedded.RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no");
	}

	private void start(Redis redis) throws IOException {
		this.started.add(redis);
		redis.start();
	}

	/** The sentinels as {@code REDIS_SENTINEL_NODES} lists them. */
	public String sentinelNodes() {
		return this.sentinelPorts.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/** The port of the node the sentinels name as primary now, if one answers. */
	public OptionalInt primaryPort() {
		for (int sentinel : this.sentinelPorts) {
			try {
				List<String> reply = Resp.call(sentinel, "SENTINEL", "get-master-addr-by-name", MASTER_NAME);
				if (reply.size() >= 5 && reply.get(0).equals("*2")) {
					return OptionalInt.of(Integer.parseInt(reply.get(4)));
				}
			}
			catch (UncheckedIOException ex) {
				// ask the next sentinel
			}
		}
		return OptionalInt.empty();
	}

	/** Whether the replica has caught up with the primary's stream and its link is up. */
	public boolean replicaInSync() {
		String info = String.join("\n", Resp.call(this.replicaPort, "INFO", "replication"));
		return info.contains("master_link_status:up");
	}

	/**
	 * SIGKILLs the process of the current primary: its sockets close at once and nothing
	 * is flushed, as when a node dies.
	 * @return the port it listened on
	 */
	public int killPrimary() {
		int port = primaryPort().orElseThrow(() -> new IllegalStateException("No sentinel names a primary"));
		String info = String.join("\n", Resp.call(port, "INFO", "server"));
		long pid = info.lines()
			.filter((line) -> line.startsWith("process_id:"))
			.map((line) -> Long.parseLong(line.substring("process_id:".length()).strip()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Redis on port " + port + " did not tell its process id"));
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		return port;
	}

	@Override
	public void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			try {
				this.started.get(i).stop();
			}
			catch (IOException | RuntimeException ex) {
				// a killed node: nothing left to stop
			}
		}
		this.started.clear();
	}

}
