package io.hashop.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A Redis server: the external one named by {@code REDIS_HOST} (and {@code REDIS_PORT}),
 * or else an embedded one started on demand. The services read the same variables.
 */
public final class RedisServer implements AutoCloseable {

	private final String host;

	private final int port;

	private final redis.embedded.RedisServer embedded;

	private RedisServer(String host, int port, redis.embedded.RedisServer embedded) {
		this.host = host;
		this.port = port;
		this.embedded = embedded;
	}

	/**
	 * Uses the external server named by the environment, or starts an embedded one.
	 * @param env the environment to read
	 * @param embeddedPort the port for an embedded server, 0 for any free port
	 * @return the server
	 */
	public static RedisServer fromEnvironmentOrEmbedded(Map<String, String> env, int embeddedPort) {
		String host = env.get("REDIS_HOST");
		if (host != null && !host.isBlank()) {
			return new RedisServer(host, Integer.parseInt(env.getOrDefault("REDIS_PORT", "6379")), null);
		}
		int port = (embeddedPort != 0) ? embeddedPort : freePort();
		try {
			redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			return new RedisServer("localhost", port, server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Redis server on port " + port, ex);
		}
	}

	/** Stops an embedded server (a no-op for an external one); see {@link #restart()}. */
	public void stop() {
		if (this.embedded != null) {
			try {
				this.embedded.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** Starts an embedded server again on the same port, for outage tests. */
	public void restart() {
		if (this.embedded != null) {
			try {
				this.embedded.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public boolean isEmbedded() {
		return this.embedded != null;
	}

	@Override
	public void close() {
		stop();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
