package io.hashop.bench.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Measurement;

/**
 * One transport in its own {@link TransportHost} process, started on the arm's first run
 * (so other scenarios never pay for it) and stopped by {@link #close()} or, at the
 * latest, when the bench exits.
 */
final class TransportArm implements Arm, AutoCloseable {

	private final String name;

	private final String description;

	private final String kind;

	private final Host host;

	private HostProcess process;

	private Thread shutdownHook;

	TransportArm(String name, String description, String kind, Host host) {
		this.name = name;
		this.description = description;
		this.kind = kind;
		this.host = host;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public Measurement run(Duration duration) throws Exception {
		CallCount count = started().run(duration);
		if (count.failures() > 0) {
			System.err.printf("   %s: %d calls failed, the first with %s%n", this.name, count.failures(),
					count.firstFailure());
		}
		return count.toMeasurement();
	}

	private synchronized HostProcess started() throws Exception {
		if (this.process == null) {
			HostProcess started = HostProcess.start(this.host.java(), this.host.jvmOptions(), this.kind,
					this.host.callers());
			this.shutdownHook = new Thread(started::close, "s4-" + this.kind + "-shutdown");
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
			this.process = started;
		}
		return this.process;
	}

	@Override
	public synchronized void close() {
		if (this.process != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// The JVM is shutting down: the hook stops the process.
				return;
			}
			this.process.close();
			this.process = null;
		}
	}

	/**
	 * How the host processes run.
	 *
	 * @param java the {@code java} launcher (JDK 21+: the contracts are Java 21 bytecode)
	 * @param jvmOptions their JVM options
	 * @param callers the threads calling at once
	 */
	record Host(Path java, List<String> jvmOptions, int callers) {

	}

}
