package io.hashop.launcher.infrastructure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.hashop.launcher.service.LauncherException;

/**
 * A real Kafka broker (KRaft, broker and controller in one JVM) run from the Maven
 * Central jars in {@code launcher/kafka-broker/target/kafka-libs}, on a fixed loopback
 * port with its data in a directory of its own. It can be stopped, killed and started
 * again on the same port and data, as a crashed and restarted broker would be. Its files
 * are a {@link KafkaBrokerDirectory}'s.
 */
public final class KafkaBroker implements AutoCloseable {

	static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	private static final String STARTED = "Kafka Server started";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Path java;

	private final Path libs;

	private final KafkaBrokerDirectory directory;

	private final int port;

	private final int controllerPort;

	private Process process;

	/**
	 * @param java the {@code java} executable (JDK 17+)
	 * @param libs the directory of the broker's jars
	 * @param directory where its configuration, data and log go
	 * @param port the client port on 127.0.0.1
	 * @param controllerPort the KRaft controller port on 127.0.0.1
	 */
	public KafkaBroker(Path java, Path libs, Path directory, int port, int controllerPort) {
		this.java = java;
		this.libs = libs;
		this.directory = new KafkaBrokerDirectory(directory);
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/** A new directory for a broker's data, deleted again by {@link #close()}. */
	public static Path temporaryDirectory() {
		return KafkaBrokerDirectory.temporary();
	}

	/** {@code 127.0.0.1:<port>}, for {@code KAFKA_BOOTSTRAP_SERVERS}. */
	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/** The broker's output, across restarts. */
	public Path log() {
		return this.directory.log();
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Formats the storage on first use, starts the broker and waits until it serves.
	 * @throws LauncherException if it does not start
	 */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			this.directory.writeConfiguration(this.port, this.controllerPort);
			if (!this.directory.isFormatted()) {
				format();
			}
			long logStart = this.directory.logSize();
			this.process = run("kafka.Kafka", this.directory.serverProperties().toString());
			awaitStarted(logStart);
		}
		catch (IOException ex) {
			throw new LauncherException("Could not start the Kafka broker: " + ex.getMessage(), ex);
		}
	}

	/** SIGTERM and a controlled shutdown; SIGKILL if it takes longer than 30 s. */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		if (!waitFor(Duration.ofSeconds(30))) {
			kill();
		}
	}

	/** SIGKILL: the broker dies at once, as in a crash. */
	public synchronized void kill() {
		if (this.process == null) {
			return;
		}
		this.process.destroyForcibly();
		waitFor(Duration.ofSeconds(30));
	}

	/** Stops the broker and starts it again on the same port and data. */
	public synchronized void restart() {
		stop();
		start();
	}

	/** Stops the broker and deletes its data. */
	@Override
	public synchronized void close() {
		stop();
		this.directory.delete();
	}

	private void format() throws IOException {
		Process format = run("kafka.tools.StorageTool", "format", "--cluster-id=" + KafkaBrokerDirectory.clusterId(),
				"-c", this.directory.serverProperties().toString());
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				format.destroyForcibly();
				throw new LauncherException("Could not format the Kafka storage:\n" + this.directory.tail(20));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			format.destroyForcibly();
			throw new LauncherException("Interrupted while formatting the Kafka storage", ex);
		}
	}

	private void awaitStarted(long logStart) throws IOException {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new LauncherException("The Kafka broker exited with code " + this.process.exitValue()
						+ " while starting:\n" + this.directory.tail(20));
			}
			if (this.directory.logSince(logStart).contains(STARTED)) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LauncherException("Interrupted while starting the Kafka broker", ex);
			}
		}
		kill();
		throw new LauncherException(
				"The Kafka broker did not start within " + START_TIMEOUT.toSeconds() + " s; see " + log());
	}

	private boolean waitFor(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Runs one of Kafka's main classes with its output appended to the log. */
	private Process run(String mainClass, String... args) throws IOException {
		return new ProcessBuilder(command(mainClass, args)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
			.start();
	}

	List<String> command(String mainClass, String... args) {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.addAll(JVM_OPTIONS);
		command.add("-Dlog4j2.configurationFile=" + this.directory.log4jProperties());
		command.addAll(List.of("-cp", this.libs.resolve("*").toString(), mainClass));
		command.addAll(List.of(args));
		return command;
	}

}
