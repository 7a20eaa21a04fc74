package io.hashop.launcher.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The status file a user can look at while the platform runs
 * ({@code ./run-local.sh status} prints it): one line per instance with its state,
 * process id, restart count and last exit. Rewritten whole on every change, through a
 * rename, so a reader never sees half a file.
 */
public final class StatusBoard {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private static final String FORMAT = "%-20s %-12s %-8s %-9s %-15s %s";

	private final Path file;

	/**
	 * @param file the status file; {@code null} keeps no file
	 */
	public StatusBoard(Path file) {
		this.file = file;
	}

	static StatusBoard none() {
		return new StatusBoard(null);
	}

	Path file() {
		return this.file;
	}

	synchronized void write(List<InstanceStatus> statuses) {
		if (this.file == null) {
			return;
		}
		try {
			Files.createDirectories(this.file.getParent());
			Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.writeString(temporary, render(statuses, ProcessHandle.current().pid(), Instant.now()),
					StandardCharsets.UTF_8);
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			System.err.println("Could not write the status file " + this.file + ": " + ex.getMessage());
		}
	}

	static String render(List<InstanceStatus> statuses, long launcherPid, Instant at) {
		StringBuilder text = new StringBuilder();
		text.append("launcher pid ").append(launcherPid).append(", updated ").append(TIME.format(at)).append('\n');
		text.append(String.format(FORMAT, "INSTANCE", "STATE", "PID", "RESTARTS", "LAST EXIT", "SINCE")).append('\n');
		for (InstanceStatus status : statuses) {
			text.append(String.format(FORMAT, status.name(), status.state(),
					status.pid().isPresent() ? String.valueOf(status.pid().getAsLong()) : "-", status.restarts(),
					status.lastExit().map(InstanceStatus.ExitRecord::describe).orElse("-"),
					TIME.format(status.since())))
				.append('\n');
		}
		return text.toString();
	}

	/** One instance on one line, as printed on a change. */
	public static String line(InstanceStatus status) {
		return status.name() + " " + status.state() + " (restarts " + status.restarts() + ", last exit "
				+ status.lastExit().map(InstanceStatus.ExitRecord::describe).orElse("none") + ")";
	}

}
