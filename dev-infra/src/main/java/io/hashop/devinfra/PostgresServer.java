package io.hashop.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server: the external one named by {@code DATABASE_HOST} (with
 * {@code DATABASE_PORT}, {@code DATABASE_USERNAME}, {@code DATABASE_PASSWORD}), or else
 * an embedded one started on demand. The services read the same variables.
 */
public final class PostgresServer implements AutoCloseable {

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private final String host;

	private final int port;

	private final String username;

	private final String password;

	private EmbeddedPostgres embedded;

	private final Path dataDirectory;

	private PostgresServer(String host, int port, String username, String password, EmbeddedPostgres embedded,
			Path dataDirectory) {
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
		this.embedded = embedded;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Uses the external server named by the environment, or starts an embedded one.
	 * @param env the environment to read
	 * @param embeddedPort the port for an embedded server, 0 for any free port
	 * @return the server
	 */
	public static PostgresServer fromEnvironmentOrEmbedded(Map<String, String> env, int embeddedPort) {
		String host = env.get("DATABASE_HOST");
		if (host != null && !host.isBlank()) {
			return new PostgresServer(host, Integer.parseInt(env.getOrDefault("DATABASE_PORT", "5432")),
					env.getOrDefault("DATABASE_USERNAME", "postgres"), env.getOrDefault("DATABASE_PASSWORD", ""), null,
					null);
		}
		Path dataDirectory = Path.of(System.getProperty("java.io.tmpdir"), "hashop-postgres-" + UUID.randomUUID());
		EmbeddedPostgres postgres = startEmbedded(embeddedPort, dataDirectory);
		return new PostgresServer("localhost", postgres.getPort(), "postgres", "postgres", postgres, dataDirectory);
	}

	/**
	 * Keeps its data directory, so that {@link #restart()} finds the databases again; the
	 * directory is deleted by {@link #close()}.
	 */
	private static EmbeddedPostgres startEmbedded(int port, Path dataDirectory) {
		try {
			return EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "300")
				// The owner stops it after the processes using it, not in a parallel JVM
				// shutdown hook.
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

	/**
	 * Stops an embedded server (fast shutdown: open connections are cut) and starts it
	 * again on the same port and data, as in a database restart or failover; returns once
	 * it accepts connections. A no-op for an external server.
	 */
	public synchronized void restart() {
		if (this.embedded == null) {
			return;
		}
		try {
			this.embedded.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.embedded = startEmbedded(this.port, this.dataDirectory);
	}

	/** Creates the database unless it exists. */
	public void createDatabaseIfMissing(String name) {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), this.username, this.password);
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, name);
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE DATABASE " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + " on " + this.host + ":" + this.port,
					ex);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	public boolean isEmbedded() {
		return this.embedded != null;
	}

	@Override
	public synchronized void close() {
		if (this.embedded != null) {
			try {
				this.embedded.close();
				deleteRecursively(this.dataDirectory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
