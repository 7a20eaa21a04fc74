package io.hashop.launcher.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A broker's own directory: its configuration, its data and its output, which survive
 * restarts and are deleted together.
 */
final class KafkaBrokerDirectory {

	private final Path root;

	KafkaBrokerDirectory(Path root) {
		this.root = root;
	}

	/** A new directory for a broker's data. */
	static Path temporary() {
		try {
			return Files.createTempDirectory("hashop-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path serverProperties() {
		return this.root.resolve("server.properties");
	}

	Path log4jProperties() {
		return this.root.resolve("log4j2.properties");
	}

	/** The broker's output, across restarts. */
	Path log() {
		return this.root.resolve("broker.log");
	}

	/** Whether the storage was formatted, on an earlier start. */
	boolean isFormatted() {
		return Files.exists(data().resolve("meta.properties"));
	}

	/** Writes the broker's configuration and its quiet logging, before every start. */
	void writeConfiguration(int port, int controllerPort) throws IOException {
		Files.createDirectories(this.root);
		Files.writeString(serverProperties(), serverConfiguration(port, controllerPort, data()));
		Files.writeString(log4jProperties(), """
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

	/**
	 * A cluster id as Kafka writes them: 16 random bytes, URL-safe Base64, passed as
	 * {@code --cluster-id=<id>}: one in 64 starts with {@code -}, which the tool's
	 * argument parser would take for an option.
	 */
	static String clusterId() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The log's size now, to read only what a start writes after it. */
	long logSize() throws IOException {
		return Files.exists(log()) ? Files.size(log()) : 0;
	}

	String logSince(long offset) throws IOException {
		byte[] bytes = Files.readAllBytes(log());
		int from = (int) Math.min(offset, bytes.length);
		return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
	}

	/** The last lines of the broker's output, for an error message. */
	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
			return "  | " + String.join("\n  | ", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "  (no output: " + ex.getMessage() + ")";
		}
	}

	/** Deletes the directory and everything in it, reporting instead of throwing. */
	void delete() {
		if (!Files.exists(this.root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(this.root)) {
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
			System.err.println("Could not delete " + this.root + ": " + ex.getMessage());
		}
	}

	private Path data() {
		return this.root.resolve("data");
	}

}
