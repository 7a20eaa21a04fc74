package io.hashop.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One process of a {@link LocalPlatform}, which a test can stop, kill and start again
 * with the same ports, database and environment.
 */
public final class ServiceHandle {

	private static final Duration STOP_GRACE = Duration.ofSeconds(25);

	private final ServiceSpec service;

	private final Map<String, String> environment;

	private final Path java;

	private final RepoLayout layout;

	private final Readiness readiness;

	private ServiceProcess process;

	ServiceHandle(ServiceSpec service, Map<String, String> environment, Path java, RepoLayout layout,
			Readiness readiness) {
		this.service = service;
		this.environment = Map.copyOf(environment);
		this.java = java;
		this.layout = layout;
		this.readiness = readiness;
	}

	/** The process name, such as {@code payment-service} or {@code payment-service-2}. */
	public String name() {
		return this.service.name();
	}

	/** The Maven module whose jar it runs. */
	public String module() {
		return this.service.module();
	}

	/** The HTTP port (REST API and health probes). */
	public int serverPort() {
		return this.service.serverPort();
	}

	/** The actuator port ({@code /actuator/prometheus}). */
	public int managementPort() {
		return this.service.managementPort();
	}

	public OptionalInt grpcPort() {
		return this.service.grpcPort();
	}

	public Path log() {
		return this.layout.log(this.service);
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Starts the process and waits until it is ready. */
	public void start() {
		start(Map.of());
	}

	/**
	 * Starts the process with further variables for this run only (a fault injection
	 * switch, say), and waits until it is ready.
	 */
	public void start(Map<String, String> extraEnvironment) {
		launch(extraEnvironment);
		awaitReady();
	}

	/** Starts several processes together and waits until all are ready. */
	public static void startAll(List<ServiceHandle> handles) {
		handles.forEach((handle) -> handle.launch(Map.of()));
		awaitReady(handles.get(0).readiness, handles.stream().flatMap((handle) -> handle.process().stream()).toList());
	}

	/** SIGTERM: a graceful shutdown, SIGKILL after 25 s. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop(STOP_GRACE);
		}
	}

	/** SIGKILL: the process dies at once, as in a crash. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

	/** Stops the process gracefully and starts it again. */
	public void restart() {
		stop();
		start();
	}

	/**
	 * Waits until the process exits by itself.
	 * @return its exit code, or empty if it still runs after the timeout
	 */
	public OptionalInt awaitExit(Duration timeout) {
		ServiceProcess current;
		synchronized (this) {
			current = this.process;
		}
		if (current == null) {
			return OptionalInt.empty();
		}
		try {
			current.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return OptionalInt.empty();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalInt.empty();
		}
		return current.exitCode();
	}

	/** Starts without waiting, so that a stage's processes start together. */
	synchronized void launch(Map<String, String> extraEnvironment) {
		if (isRunning()) {
			throw new IllegalStateException(name() + " is already running");
		}
		Map<String, String> env = new HashMap<>(this.environment);
		env.putAll(extraEnvironment);
		try {
			this.process = ServiceProcess.start(this.service, this.java, this.layout, env);
		}
		catch (java.io.IOException ex) {
			throw new LauncherException("Could not start " + name() + ": " + ex.getMessage(), ex);
		}
	}

	/** Waits until the running process answers {@code /readyz}. */
	void awaitReady() {
		ServiceProcess current;
		synchronized (this) {
			current = this.process;
		}
		awaitReady(this.readiness, List.of(current));
	}

	static void awaitReady(Readiness readiness, List<ServiceProcess> processes) {
		Optional<ServiceProcess> failed;
		try {
			failed = readiness.awaitAll(processes);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("Interrupted while waiting for " + Console.names(processes), ex);
		}
		failed.ifPresent((process) -> {
			throw new LauncherException(process.service().name() + " did not become ready"
					+ process.exitCode().stream().mapToObj((code) -> " (exit code " + code + ")").findFirst().orElse("")
					+ ". Last lines of " + process.log() + ":\n  | " + String.join("\n  | ", process.tail(40)));
		});
	}

	synchronized Optional<ServiceProcess> process() {
		return Optional.ofNullable(this.process);
	}

}
