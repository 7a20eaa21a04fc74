package io.hashop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kafka broker (KRaft, broker and controller in one JVM) run from the Maven
 * Central jars in {@code launcher/kafka-broker/target/kafka-libs}, on a fixed loopback
 * port with its data in a directory of its own. It can be stopped, killed and started
 * again on the same port and data, as a crashed and restarted broker would be.
 */
public final class KafkaBroker implements AutoCloseable {

	static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	private static final String STARTED = "Kafka Server started";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Path java;

	private final Path libs;

	private final Path directory;

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
		this.directory = directory;
		this.port = port;
		this.controllerPort = controllerPort;
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
		return this.directory.resolve("broker.log");
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
			Files.createDirectories(this.directory);
			writeConfiguration();
			if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
				format();
			}
			long logStart = Files.exists(log()) ? Files.size(log()) : 0;
			this.process = new ProcessBuilder(command("kafka.Kafka", serverProperties().toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
				.start();
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
		deleteRecursively(this.directory);
	}

	private void format() throws IOException {
		Process format = new ProcessBuilder(command("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId(),
				"-c", serverProperties().toString()))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
			.start();
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				format.destroyForcibly();
				throw new LauncherException("Could not format the Kafka storage:\n" + tail(20));
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
						+ " while starting:\n" + tail(20));
			}
			if (logSince(logStart).contains(STARTED)) {
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

	/** The last lines of the broker's output, for an error message. */
	private String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
			return "  | " + String.join("\n  | ", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "  (no output: " + ex.getMessage() + ")";
		}
	}

	private String logSince(long offset) throws IOException {
		byte[] bytes = Files.readAllBytes(log());
		int from = (int) Math.min(offset, bytes.length);
		return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
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

	List<String> command(String mainClass, String... args) {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.addAll(JVM_OPTIONS);
		command.add("-Dlog4j2.configurationFile=" + this.directory.resolve("log4j2.properties"));
		command.addAll(List.of("-cp", this.libs.resolve("*").toString(), mainClass));
		command.addAll(List.of(args));
		return command;
	}

	private void writeConfiguration() throws IOException {
		Files.writeString(serverProperties(), serverConfiguration(this.port, this.controllerPort, dataDirectory()));
		Files.writeString(this.directory.resolve("log4j2.properties"), """
				status = warn
				appender.out.type = Console
				appender.out.name = OUT
				appender.out.layout.type = PatternLayout
				appender.out.layout.pattern = [%d] %p %m (%c)%n
				rootLogger.level = WARN
				rootLogger.appenderRef.out.ref = OUT
				logger.server.name = kafka.server.KafkaRaftServer
				logger.server.level = INFO
				""");
	}

	/** One node that is broker and controller; topics are created by the services. */
	static String serverConfiguration(int port, int controllerPort, Path data) {
		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%3$s
				num.partitions=3
				auto.create.topics.enable=false
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=6
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(port, controllerPort, data.toString().replace("\\", "/"));
	}

	private Path serverProperties() {
		return this.directory.resolve("server.properties");
	}

	private Path dataDirectory() {
		return this.directory.resolve("data");
	}

	/** A cluster id as Kafka writes them: 16 random bytes, URL-safe Base64. */
	/**
	 * A random id, passed as {@code --cluster-id=<id>}: one in 64 starts with {@code -},
	 * which the tool's argument parser would take for an option.
	 */
	static String clusterId() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A new directory for a broker's data, deleted again by {@link #close()}. */
	public static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("hashop-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("Could not delete " + directory + ": " + ex.getMessage());
		}
	}

}
