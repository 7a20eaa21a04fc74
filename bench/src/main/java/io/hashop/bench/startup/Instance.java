package io.hashop.bench.startup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM this scenario started, with its output in a log of its own. It is stopped by
 * {@link #close()} or, should the benchmark itself be stopped, by a shutdown hook: no
 * instance outlives the benchmark.
 */
final class Instance implements AutoCloseable {

	/** Short enough to time a start of several seconds to a few tens of milliseconds. */
	private static final Duration POLL = Duration.ofMillis(25);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Process process;

	private final long startedNanos;

	private final Path log;

	private final Thread killOnExit;

	private Instance(Process process, long startedNanos, Path log) {
		this.process = process;
		this.startedNanos = startedNanos;
		this.log = log;
		this.killOnExit = new Thread(process::destroyForcibly, "stop " + log.getFileName());
		Runtime.getRuntime().addShutdownHook(this.killOnExit);
	}

	/** Starts {@code command} with exactly {@code environment} (nothing inherited). */
	static Instance start(List<String> command, Map<String, String> environment, Path directory, Path log)
			throws IOException {
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().clear();
		builder.environment().putAll(environment);
		long started = System.nanoTime();
		return new Instance(builder.start(), started, log);
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Waits until {@code GET http://localhost:<port>/readyz} answers 200.
	 * @return the time from the start of the process
	 */
	Duration awaitReady(int port, Duration timeout) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
		long deadline = this.startedNanos + timeout.toNanos();
		while (true) {
			if (!this.process.isAlive()) {
				throw new IOException("Exited with " + this.process.exitValue() + " before it was ready. " + tail());
			}
			if (status(request) == 200) {
				return Duration.ofNanos(System.nanoTime() - this.startedNanos);
			}
			if (System.nanoTime() > deadline) {
				throw new IOException("Not ready after " + timeout.toSeconds() + " s. " + tail());
			}
			Thread.sleep(POLL.toMillis());
		}
	}

	/** Waits until it exits by itself (a training run, an extraction). */
	int awaitExit(Duration timeout) throws IOException, InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IOException("Still running after " + timeout.toSeconds() + " s. " + tail());
		}
		return this.process.exitValue();
	}

	/** The last lines of its log, to explain a failure. */
	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return "Last lines of " + this.log + ":\n  | "
					+ String.join("\n  | ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** SIGTERM, as Kubernetes stops a pod; SIGKILL if it is still there after 30 s. */
	@Override
	public void close() throws InterruptedException {
		stop(STOP_GRACE);
	}

	/** SIGTERM; SIGKILL if it is still there after {@code grace}. */
	void stop(Duration grace) throws InterruptedException {
		try {
			this.process.destroy();
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		finally {
			if (!this.process.isAlive()) {
				forgetShutdownHook();
			}
		}
	}

	private void forgetShutdownHook() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.killOnExit);
		}
		catch (IllegalStateException ex) {
			// The benchmark is exiting: the hook runs, harmlessly, on a process that is
			// gone.
		}
	}

	private static int status(HttpRequest request) throws InterruptedException {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
