package io.hashop.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.hashop.launcher.process.ServiceProcess;
import io.hashop.launcher.service.RepoLayout;
import io.hashop.launcher.service.Secrets;
import io.hashop.launcher.service.ServiceTable;

/**
 * What the launcher tells the developer: the banner and why a process failed.
 */
final class Console {

	private final PrintStream out;

	private final RepoLayout layout;

	Console(PrintStream out, RepoLayout layout) {
		this.out = out;
		this.layout = layout;
	}

	/**
	 * The name, the exit code and the end of the log: usually enough to see the cause.
	 */
	void reportFailure(ServiceProcess process, int tailLines) {
		String why = process.exitCode().isPresent() ? "exited with code " + process.exitCode().getAsInt()
				: "not ready after " + Duration.between(process.startedAt(), Instant.now()).toSeconds()
						+ " s (still running)";
		this.out.println();
		this.out.println(process.service().name() + " failed to start: " + why + ". Last " + tailLines + " lines of "
				+ this.layout.relative(process.log()) + ":");
		process.tail(tailLines).forEach((line) -> this.out.println("  | " + line));
		this.out.println("Stopping everything.");
	}

	void printBanner(Secrets secrets, int instances, Duration startup, Optional<String> metrics) {
		this.out.println();
		this.out.println("hashop is running: http://localhost:" + ServiceTable.gateway().serverPort() + "  ("
				+ instances + " instances, ready in " + startup.toSeconds() + " s)");
		this.out.println("  admin:  " + secrets.adminEmail() + " / " + secrets.adminPassword());
		this.out.println("  logs:   " + this.layout.relative(this.layout.logsDirectory()) + " (one file per instance)");
		this.out.println("  status: ./run-local.sh status (" + this.layout.relative(this.layout.statusFile()) + ")");
		metrics.ifPresent((url) -> this.out
			.println("  metrics: " + url + " (Prometheus; alerts from deploy/prometheus/alerts.yml)"));
		this.out.println("  Instances that exit are restarted; a crash loop is reported and left down.");
		this.out.println("  Ctrl-C stops everything.");
		this.out.println();
	}

}
