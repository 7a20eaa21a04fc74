package io.hashop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the service processes, warns when one dies, and stops them all in reverse order.
 * Starting and stopping are synchronized so that a Ctrl-C during startup cannot leave a
 * process behind.
 */
final class Supervisor {

	private final Path java;

	private final RepoLayout layout;

	private final PrintStream out;

	private final List<ServiceProcess> started = new ArrayList<>();

	private volatile boolean stopping;

	Supervisor(Path java, RepoLayout layout, PrintStream out) {
		this.java = java;
		this.layout = layout;
		this.out = out;
	}

	synchronized ServiceProcess start(ServiceSpec service, Map<String, String> env) {
		if (this.stopping) {
			throw new LauncherException("Stopped while starting " + service.name() + ".");
		}
		try {
			ServiceProcess process = ServiceProcess.start(service, this.java, this.layout, env);
			this.started.add(process);
			return process;
		}
		catch (IOException ex) {
			throw new LauncherException("Could not start " + service.name() + ": " + ex.getMessage(), ex);
		}
	}

	synchronized List<ServiceProcess> started() {
		return List.copyOf(this.started);
	}

	boolean isStopping() {
		return this.stopping;
	}

	/**
	 * Warns about each process that exits while the platform runs; restarting comes
	 * later.
	 */
	void warnOnUnexpectedExit() {
		for (ServiceProcess process : started()) {
			process.onExit().thenRun(() -> {
				if (!this.stopping) {
					this.out.println("WARNING: " + process.service().name() + " exited with code "
							+ process.exitCode().orElse(-1) + "; the other processes keep running. Its log: "
							+ this.layout.relative(process.log()));
				}
			});
		}
	}

	/**
	 * Stops every process, newest first, each with a grace period; safe to call twice.
	 */
	synchronized void stopAll(Duration grace) {
		this.stopping = true;
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).stop(grace);
		}
		this.started.clear();
	}

}
