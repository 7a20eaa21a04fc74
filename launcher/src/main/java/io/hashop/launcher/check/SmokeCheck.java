package io.hashop.launcher.check;

import java.io.PrintStream;
import java.util.List;

import io.hashop.launcher.process.Readiness;
import io.hashop.launcher.process.ServiceHandle;

/**
 * The {@code --smoke} check: every process answers {@code /healthz} with 200.
 */
public final class SmokeCheck {

	private final Readiness readiness;

	private final PrintStream out;

	public SmokeCheck(Readiness readiness, PrintStream out) {
		this.readiness = readiness;
		this.out = out;
	}

	/** Prints one status line per process; true when all are healthy. */
	public boolean run(List<ServiceHandle> instances) {
		boolean healthy = true;
		for (ServiceHandle instance : instances) {
			int port = instance.serverPort();
			int status = this.readiness.status(port, "/healthz");
			boolean ok = status == 200;
			healthy &= ok;
			String shown = (status == Readiness.UNREACHABLE) ? "unreachable" : String.valueOf(status);
			this.out.printf("  %-6s %-16s http://localhost:%d/healthz -> %s%n", ok ? "OK" : "FAILED", instance.name(),
					port, shown);
		}
		return healthy;
	}

}
