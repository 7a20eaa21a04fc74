package io.hashop.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.hashop.launcher.service.RepoLayout;
import io.hashop.launcher.service.ServiceEnvironment;
import io.hashop.launcher.service.ServiceSpec;

/**
 * One running service JVM, its log and how to stop it.
 */
public final class ServiceProcess {

	/** Enough bytes for the last lines of a log, without reading a big one whole. */
	private static final int TAIL_BYTES = 64 * 1024;

	private final ServiceSpec service;

	private final Process process;

	private final Path log;

	private final long logStart;

	private final Instant startedAt;

	ServiceProcess(ServiceSpec service, Process process, Path log, long logStart, Instant startedAt) {
		this.service = service;
		this.process = process;
		this.log = log;
		this.logStart = logStart;
		this.startedAt = startedAt;
	}

	/** Starts {@code java <options> -jar <jar>} with the output appended to the log. */
	static ServiceProcess start(ServiceSpec service, Path java, List<String> jvmOptions, RepoLayout layout,
			Map<String, String> env) throws IOException {
		Path log = layout.log(service);
		Files.createDirectories(log.getParent());
		long logStart = Files.exists(log) ? Files.size(log) : 0;
		ProcessBuilder builder = new ProcessBuilder(command(java, jvmOptions, layout.jar(service)))
			.directory(layout.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		ServiceEnvironment.apply(builder.environment(), env);
		return new ServiceProcess(service, builder.start(), log, logStart, Instant.now());
	}

	static List<String> command(Path java, List<String> jvmOptions, Path jar) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString()));
		return command;
	}

	public ServiceSpec service() {
		return this.service;
	}

	public Path log() {
		return this.log;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	public OptionalInt exitCode() {
		return this.process.isAlive() ? OptionalInt.empty() : OptionalInt.of(this.process.exitValue());
	}

	CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	/**
	 * SIGTERM for a graceful shutdown; SIGKILL when the grace period passes or on
	 * interrupt.
	 */
	void stop(Duration grace) {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				return;
			}
			System.err.println(this.service.name() + " did not stop within " + grace.toSeconds() + " s: killing it");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process.destroyForcibly();
	}

	/** SIGKILL, as in a crash; waits until the process is gone. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The last lines this run wrote (earlier runs appended to the same file before). */
	public List<String> tail(int lines) {
		try (RandomAccessFile file = new RandomAccessFile(this.log.toFile(), "r")) {
			long length = file.length();
			long from = Math.min(length, Math.max(this.logStart, length - TAIL_BYTES));
			byte[] bytes = new byte[(int) (length - from)];
			file.seek(from);
			file.readFully(bytes);
			List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
			return all.subList(Math.max(0, all.size() - lines), all.size());
		}
		catch (IOException ex) {
			return List.of("(could not read " + this.log + ": " + ex.getMessage() + ")");
		}
	}

	/** The processes' names, for a message. */
	public static String names(List<ServiceProcess> processes) {
		return String.join(", ", processes.stream().map((process) -> process.service().name()).toList());
	}

}
