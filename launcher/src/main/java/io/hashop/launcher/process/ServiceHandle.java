package io.hashop.launcher.process;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.RepoLayout;
import io.hashop.launcher.service.ServiceSpec;
import io.hashop.launcher.service.ServiceTable;

/**
 * One instance of a service: its process over restarts, with the same ports, database and
 * environment each time, and its state as the {@link Supervisor} shows it. Tests stop,
 * kill and start it; a {@link #stop()} is deliberate and never restarted, a
 * {@link #kill()} is a crash and is, when the platform is supervised.
 */
public final class ServiceHandle {

	private static final Duration STOP_GRACE = Duration.ofSeconds(25);

	private static final Duration STARTING_GRACE = Duration.ofSeconds(3);

	private final ServiceSpec service;

	private final Map<String, String> environment;

	private final ProcessStarter starter;

	private final RepoLayout layout;

	private final Readiness readiness;

	private volatile Supervisor supervisor;

	private ServiceProcess process;

	private InstanceState state = InstanceState.STOPPED;

	private Instant since = Instant.now();

	private int restarts;

	private InstanceStatus.ExitRecord lastExit;

	private boolean stopRequested;

	public ServiceHandle(ServiceSpec service, Map<String, String> environment, Path java, RepoLayout layout,
			Readiness readiness) {
		this(service, environment, java, ServiceTable.JVM_OPTIONS, layout, readiness);
	}

	public ServiceHandle(ServiceSpec service, Map<String, String> environment, Path java, List<String> jvmOptions,
			RepoLayout layout, Readiness readiness) {
		this(service, environment, (spec, env) -> ServiceProcess.start(spec, java, jvmOptions, layout, env), layout,
				readiness);
	}

	public ServiceHandle(ServiceSpec service, Map<String, String> environment, ProcessStarter starter,
			RepoLayout layout, Readiness readiness) {
		this.service = service;
		this.environment = Map.copyOf(environment);
		this.starter = starter;
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

	/** How many times the supervisor restarted it after it exited on its own. */
	public synchronized int restarts() {
		return this.restarts;
	}

	/** Its state, process id, restart count and last exit. */
	public synchronized InstanceStatus status() {
		OptionalLong pid = (this.process != null && this.process.isAlive()) ? OptionalLong.of(this.process.pid())
				: OptionalLong.empty();
		return new InstanceStatus(name(), this.state, pid, this.restarts, Optional.ofNullable(this.lastExit),
				this.since);
	}

	/** Starts the process and waits until it is ready. */
	public void start() {
		start(Map.of());
	}

	/**
	 * Starts the process with further variables for this run only (a fault injection
	 * switch, say), and waits until it is ready. A supervisor restarts it later with the
	 * standard variables.
	 */
	public void start(Map<String, String> extraEnvironment) {
		launch(extraEnvironment);
		awaitReady();
	}

	/** Starts several processes together and waits until all are ready. */
	public static void startAll(List<ServiceHandle> handles) {
		handles.forEach((handle) -> handle.launch(Map.of()));
		handles.forEach(ServiceHandle::awaitReady);
	}

	/** SIGTERM: a graceful shutdown, SIGKILL after 25 s. Never restarted. */
	public void stop() {
		stop(STOP_GRACE);
	}

	/**
	 * An instance that is not ready yet serves nothing to drain, and a JVM still starting
	 * Spring finishes its start before it runs its shutdown hooks: it gets a short grace.
	 */
	void stop(Duration grace) {
		ServiceProcess current;
		Duration effectiveGrace;
		synchronized (this) {
			this.stopRequested = true;
			current = this.process;
			effectiveGrace = (this.state == InstanceState.READY) ? grace : STARTING_GRACE;
		}
		if (current != null) {
			current.stop(effectiveGrace);
		}
		changeState(InstanceState.STOPPED);
	}

	/** SIGKILL: the process dies at once, as in a crash. */
	public void kill() {
		ServiceProcess current;
		synchronized (this) {
			current = this.process;
		}
		if (current != null) {
			current.kill();
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
		catch (TimeoutException ex) {
			return OptionalInt.empty();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalInt.empty();
		}
		return current.exitCode();
	}

	/** Starts without waiting, so that a stage's processes start together. */
	void launch(Map<String, String> extraEnvironment) {
		Map<String, String> env = new HashMap<>(this.environment);
		env.putAll(extraEnvironment);
		ServiceProcess started;
		synchronized (this) {
			if (isRunning()) {
				throw new IllegalStateException(name() + " is already running");
			}
			this.stopRequested = false;
			started = startProcess(env);
		}
		changeState(InstanceState.STARTING);
		watch(started);
	}

	/**
	 * The supervisor's restart: the standard environment, unless stopped meanwhile.
	 * @return whether a process was started
	 */
	boolean relaunch() {
		ServiceProcess started;
		synchronized (this) {
			if (this.stopRequested || isRunning()) {
				return false;
			}
			this.restarts++;
			started = startProcess(this.environment);
		}
		changeState(InstanceState.STARTING);
		watch(started);
		return true;
	}

	private ServiceProcess startProcess(Map<String, String> env) {
		try {
			this.process = this.starter.start(this.service, env);
			return this.process;
		}
		catch (java.io.IOException ex) {
			throw new LauncherException("Could not start " + name() + ": " + ex.getMessage(), ex);
		}
	}

	private void watch(ServiceProcess started) {
		Supervisor current = this.supervisor;
		started.onExit().thenRun(() -> exited(started));
		if (current != null) {
			current.launched(this, started);
		}
	}

	private void exited(ServiceProcess ended) {
		boolean deliberate;
		synchronized (this) {
			if (this.process != ended) {
				return;
			}
			this.lastExit = new InstanceStatus.ExitRecord(ended.exitCode().orElse(-1), Instant.now());
			deliberate = this.stopRequested;
		}
		Supervisor current = this.supervisor;
		if (deliberate) {
			changeState(InstanceState.STOPPED);
		}
		else if (current != null) {
			current.exited(this);
		}
		else {
			changeState(InstanceState.EXITED);
		}
	}

	/** Waits until the running process answers {@code /readyz}. */
	public void awaitReady() {
		ServiceProcess current;
		synchronized (this) {
			current = this.process;
		}
		awaitReady(this.readiness, List.of(current));
		markReadyIf(current);
	}

	/** Marks it ready if {@code ready} is still its process. */
	public void markReadyIf(ServiceProcess ready) {
		synchronized (this) {
			if (this.process != ready || !ready.isAlive()) {
				return;
			}
		}
		changeState(InstanceState.READY);
	}

	static void awaitReady(Readiness readiness, List<ServiceProcess> processes) {
		Optional<ServiceProcess> failed;
		try {
			failed = readiness.awaitAll(processes);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("Interrupted while waiting for " + ServiceProcess.names(processes), ex);
		}
		failed.ifPresent((process) -> {
			throw new LauncherException(process.service().name() + " did not become ready"
					+ process.exitCode().stream().mapToObj((code) -> " (exit code " + code + ")").findFirst().orElse("")
					+ ". Last lines of " + process.log() + ":\n  | " + String.join("\n  | ", process.tail(40)));
		});
	}

	void changeState(InstanceState newState) {
		Supervisor current;
		synchronized (this) {
			if (this.state == newState) {
				return;
			}
			this.state = newState;
			this.since = Instant.now();
			current = this.supervisor;
		}
		if (current != null) {
			current.changed(this);
		}
	}

	void supervisedBy(Supervisor supervisor) {
		this.supervisor = supervisor;
	}

	ServiceSpec spec() {
		return this.service;
	}

	Readiness readiness() {
		return this.readiness;
	}

	public synchronized Optional<ServiceProcess> process() {
		return Optional.ofNullable(this.process);
	}

}
