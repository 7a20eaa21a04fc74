package io.hashop.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.ServiceTable;

/**
 * What to start, from {@link LocalPlatform#builder(Path)}: services, replicas, their
 * environment and options; {@link #start()} starts it.
 */
public final class LocalPlatformBuilder {

	final Path repoRoot;

	final List<String> services = new ArrayList<>();

	final Map<String, Integer> replicas = new LinkedHashMap<>();

	final Map<String, Map<String, String>> environment = new LinkedHashMap<>();

	Path logs;

	PrintStream out = System.out;

	boolean supervised;

	List<String> jvmOptions = ServiceTable.JVM_OPTIONS;

	boolean redisSentinel;

	int portOffset;

	final Map<String, String> infrastructure = new LinkedHashMap<>();

	LocalPlatformBuilder(Path repoRoot) {
		this.repoRoot = repoRoot;
	}

	/** The services to start, by module name; start order comes from the table. */
	public LocalPlatformBuilder services(String... modules) {
		this.services.addAll(List.of(modules));
		return this;
	}

	/** Runs {@code count} instances of a service (replicas 2.. get shifted ports). */
	public LocalPlatformBuilder replicas(String module, int count) {
		this.replicas.put(module, count);
		return this;
	}

	/** A further variable for one process (a replica is a process of its own). */
	public LocalPlatformBuilder environment(String process, String key, String value) {
		this.environment.computeIfAbsent(process, (name) -> new LinkedHashMap<>()).put(key, value);
		return this;
	}

	/**
	 * Restarts a process that exits without being stopped (a {@code kill()}, a crash)
	 * with the launcher's restart policy, as {@code ./run-local.sh} does. Off by default,
	 * so that a test that kills a process sees it stay down.
	 */
	public LocalPlatformBuilder supervised() {
		this.supervised = true;
		return this;
	}

	/**
	 * The JVM options of every service in place of the launcher's small, quick-JIT ones
	 * ({@link LocalPlatform#LAUNCHER_JVM_OPTIONS}): a benchmark runs the images' options.
	 */
	public LocalPlatformBuilder jvmOptions(List<String> options) {
		this.jvmOptions = List.copyOf(options);
		return this;
	}

	/**
	 * Runs Redis as a primary, a replica and three sentinels (see
	 * {@link LocalPlatform#redisSentinel()}); the services get
	 * {@code REDIS_SENTINEL_MASTER} and {@code REDIS_SENTINEL_NODES} instead of
	 * {@code REDIS_HOST}.
	 */
	public LocalPlatformBuilder redisSentinel() {
		this.redisSentinel = true;
		return this;
	}

	/**
	 * Shifts every service port by {@code offset} (the table's 8080 becomes
	 * {@code 8080 + offset}), so that this platform runs beside one on the table's ports;
	 * a test overriding an address by {@link #environment} shifts it itself.
	 */
	public LocalPlatformBuilder portOffset(int offset) {
		if (offset < 0 || offset > 40000) {
			throw new IllegalArgumentException("A port offset is between 0 and 40000, not " + offset);
		}
		this.portOffset = offset;
		return this;
	}

	/**
	 * An infrastructure variable in place of this JVM's environment, such as
	 * {@code DATABASE_HOST} and {@code DATABASE_PORT} to use an external PostgreSQL (one
	 * per region in a failover drill) instead of starting one.
	 */
	public LocalPlatformBuilder infrastructure(String key, String value) {
		this.infrastructure.put(key, value);
		return this;
	}

	/** Where the processes' logs go; {@code .platform/logs} by default. */
	public LocalPlatformBuilder logs(Path directory) {
		this.logs = directory;
		return this;
	}

	public LocalPlatformBuilder output(PrintStream out) {
		this.out = out;
		return this;
	}

	/**
	 * Starts the infrastructure, then the services stage by stage, each ready before the
	 * next stage starts.
	 * @throws LauncherException if anything does not start; what started is stopped
	 */
	public LocalPlatform start() {
		return new PlatformStartup(this).start();
	}

}
