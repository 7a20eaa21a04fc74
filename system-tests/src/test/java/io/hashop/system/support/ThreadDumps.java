package io.hashop.system.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import io.hashop.launcher.process.ServiceHandle;

/**
 * Thread dumps of a platform process, written beside its log. A JVM that stops answering
 * usually stops logging too, so only its threads can show why: a deadlock, carriers
 * pinned under virtual threads, a collector that never finishes.
 */
public final class ThreadDumps {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final long COMMAND_TIMEOUT_SECONDS = 30;

	private ThreadDumps() {
	}

	/**
	 * Writes {@code <name>-threads-<time>.txt} (every thread, virtual ones included) and
	 * {@code <name>-jcmd-<time>.txt} (the platform threads with the locks they hold and
	 * wait for, the heap) into the directory of the process's log.
	 * @param process the process to look into
	 * @return where the dumps are, or why there are none, for a failure message
	 */
	public static String write(ServiceHandle process) {
		OptionalLong pid = process.status().pid();
		if (pid.isEmpty()) {
			return "no thread dump: " + process.name() + " is not running";
		}
		Path directory = process.log().toAbsolutePath().getParent();
		String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
		Path threads = directory.resolve(process.name() + "-threads-" + stamp + ".txt");
		Path details = directory.resolve(process.name() + "-jcmd-" + stamp + ".txt");
		String jcmd = jcmd(pid.getAsLong()).toString();
		String id = Long.toString(pid.getAsLong());
		try {
			run(details, jcmd, id, "Thread.dump_to_file", "-format=text", threads.toString());
			run(details, jcmd, id, "Thread.print", "-l");
			run(details, jcmd, id, "GC.heap_info");
		}
		catch (IOException ex) {
			return "no thread dump of " + process.name() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "no thread dump of " + process.name() + ": interrupted";
		}
		return "threads of " + process.name() + " in " + threads + " and " + details;
	}

	/**
	 * The jcmd of the JDK that runs the process (the one the launcher found), else the
	 * one of the JDK that runs the tests.
	 */
	private static Path jcmd(long pid) {
		return ProcessHandle.of(pid)
			.flatMap((handle) -> handle.info().command())
			.map((java) -> Path.of(java).resolveSibling("jcmd"))
			.filter(Files::isExecutable)
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "jcmd"));
	}

	private static void run(Path output, String... command) throws IOException, InterruptedException {
		Files.writeString(output, "$ " + String.join(" ", command) + System.lineSeparator(), StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		Process jcmd = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
			.start();
		if (!jcmd.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			jcmd.destroyForcibly();
			Files.writeString(output, "(no answer in " + COMMAND_TIMEOUT_SECONDS + " s)" + System.lineSeparator(),
					StandardOpenOption.APPEND);
		}
	}

}
