package io.hashop.system.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Region A's PostgreSQL and region B's asynchronous streaming replica of it
 * ({@code pg_basebackup -R}), from the machine's PostgreSQL binaries
 * ({@code /usr/lib/postgresql/<version>/bin}); as root the servers run as the
 * {@code postgres} user. A crash is {@code pg_ctl stop -m immediate} (no checkpoint, no
 * goodbye to the replica), a promotion {@code pg_ctl promote}.
 */
final class PostgresPair implements AutoCloseable {

	private final Path bin;

	private final Path directory;

	private final int primaryPort;

	private final int replicaPort;

	private final boolean root;

	private PostgresPair(Path bin, Path directory, int primaryPort, int replicaPort) {
		this.bin = bin;
		this.directory = directory;
		this.primaryPort = primaryPort;
		this.replicaPort = replicaPort;
		this.root = "root".equals(System.getProperty("user.name"));
	}

	static PostgresPair start(int primaryPort, int replicaPort) throws IOException {
		Path bin = binaries();
		Path directory = Files.createTempDirectory("hashop-drill-postgres-" + UUID.randomUUID());
		PostgresPair pair = new PostgresPair(bin, directory, primaryPort, replicaPort);
		if (pair.root) {
			UserPrincipal postgres = directory.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName("postgres");
			Files.setOwner(directory, postgres);
		}
		pair.run("initdb", "-D", pair.data("a").toString(), "-A", "trust", "-U", "postgres", "--no-sync");
		pair.startServer("a", primaryPort);
		pair.run("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres", "-D",
				pair.data("b").toString(), "-R", "-X", "stream");
		pair.startServer("b", replicaPort);
		return pair;
	}

	int primaryPort() {
		return this.primaryPort;
	}

	int replicaPort() {
		return this.replicaPort;
	}

	/**
	 * Region A's database dies: immediate shutdown, nothing more is sent to the replica.
	 */
	void crashPrimary() {
		run("pg_ctl", "-D", data("a").toString(), "-m", "immediate", "stop");
	}

	/** Region B's replica becomes a writable primary; returns once it is. */
	void promoteReplica() {
		run("pg_ctl", "-D", data("b").toString(), "-w", "promote");
	}

	private void startServer(String name, int port) {
		run("pg_ctl", "-D", data(name).toString(), "-l", this.directory.resolve(name + ".log").toString(), "-w", "-o",
				"-p " + port + " -c listen_addresses=127.0.0.1 -c max_connections=200 -c unix_socket_directories="
						+ this.directory,
				"start");
	}

	private Path data(String name) {
		return this.directory.resolve(name);
	}

	private void run(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.root) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("commands.log").toFile())
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(program + " failed; see " + this.directory.resolve("commands.log"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path binaries() throws IOException {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			throw new IllegalStateException("The drill needs PostgreSQL's binaries (initdb, pg_ctl, pg_basebackup) in "
					+ root + "/<version>/bin: apt-get install postgresql");
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("pg_basebackup")))
				.max(Comparator.comparing((bin) -> Integer.parseInt(bin.getParent().getFileName().toString())))
				.orElseThrow(() -> new IllegalStateException("No pg_basebackup under " + root));
		}
	}

	@Override
	public void close() {
		for (String name : List.of("b", "a")) {
			if (Files.exists(data(name).resolve("postmaster.pid"))) {
				try {
					run("pg_ctl", "-D", data(name).toString(), "-m", "immediate", "stop");
				}
				catch (RuntimeException ex) {
					// already down
				}
			}
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory: left for the system to clean
		}
	}

}
