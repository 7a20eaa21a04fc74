package io.hashop.bench.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A running {@link TransportHost}, seen from the bench: start it, ask for runs, stop it.
 */
final class HostProcess implements AutoCloseable {

	private static final String END_OF_OUTPUT = "\u0000end";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Process process;

	private final Writer commands;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private HostProcess(Process process) {
		this.process = process;
		this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread reader = new Thread(this::readOutput, "s4-host-output-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	static HostProcess start(Path java, List<String> jvmOptions, String kind, int callers) throws IOException {
		HostProcess host = new HostProcess(new ProcessBuilder(command(java, jvmOptions, kind, callers))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start());
		try {
			host.awaitLine(TransportHost.READY::equals, START_TIMEOUT);
			return host;
		}
		catch (IOException ex) {
			host.close();
			throw ex;
		}
	}

	/**
	 * The same classes as this JVM's: its class path, or inside the bench's executable
	 * jar Spring Boot's PropertiesLauncher pointed at the host's main class.
	 */
	static List<String> command(Path java, List<String> jvmOptions, String kind, int callers) {
		List<String> command = new ArrayList<>(List.of(java.toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path")));
		if (HostProcess.class.getClassLoader().getClass().getName().startsWith("org.springframework.boot.loader.")) {
			command.addAll(List.of("-Dloader.main=" + TransportHost.class.getName(),
					"org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		else {
			command.add(TransportHost.class.getName());
		}
		command.addAll(List.of(kind, Integer.toString(callers)));
		return command;
	}

	CallCount run(Duration duration) throws IOException {
		this.commands.write(TransportHost.RUN + duration.toMillis() + "\n");
		this.commands.flush();
		return CallCount.parse(awaitLine(CallCount::isCount, duration.plusSeconds(60)));
	}

	private String awaitLine(Predicate<String> wanted, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				String line = this.lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (line == null) {
					throw new IOException("The transport host (pid " + this.process.pid() + ") did not answer within "
							+ timeout.toSeconds() + " s");
				}
				if (line.equals(END_OF_OUTPUT)) {
					throw new IOException(
							"The transport host exited with " + this.process.waitFor() + " (its errors are above)");
				}
				if (wanted.test(line)) {
					return line;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for the transport host", ex);
		}
	}

	private void readOutput() {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			// The process is gone: the end marker below says so.
		}
		this.lines.add(END_OF_OUTPUT);
	}

	/** Closes the host's stdin, which stops it; kills it if it lingers. */
	@Override
	public void close() {
		try {
			this.commands.close();
		}
		catch (IOException ex) {
			// Already gone.
		}
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
