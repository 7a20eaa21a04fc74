package io.hashop.launcher.monitoring;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.hashop.launcher.process.Readiness;
import io.hashop.launcher.service.LauncherException;

/**
 * A Prometheus installed on this machine (Debian's {@code prometheus} package) watching
 * the local platform ({@code ./run-local.sh --monitoring}): the scrape job of
 * {@code deploy/prometheus/prometheus.yml} (job {@code hashop}, label {@code service}, no
 * credentials) with the local instances' management ports as targets, and the alert rules
 * of {@code deploy/prometheus/alerts.yml}. It listens on loopback only; its data and log
 * stay in {@code .platform/prometheus}.
 */
public final class LocalPrometheus implements AutoCloseable {

	public static final String NOT_INSTALLED = "--monitoring: Prometheus is not installed, so the platform runs without it "
			+ "(Debian: apt-get install prometheus).";

	private static final List<Path> KNOWN_BINARIES = List.of(Path.of("/usr/bin/prometheus"),
			Path.of("/usr/local/bin/prometheus"));

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final int port;

	private LocalPrometheus(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** The binary on the {@code PATH} or where Debian installs it. */
	public static Optional<Path> binary(Map<String, String> env) {
		Stream<Path> onPath = Stream.of(env.getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.filter((directory) -> !directory.isBlank())
			.map((directory) -> Path.of(directory, "prometheus"));
		return Stream.concat(onPath, KNOWN_BINARIES.stream()).filter(Files::isExecutable).findFirst();
	}

	/**
	 * The configuration (YAML) for these instances.
	 * @param managementPorts each service's instances' management ports, by service
	 * @param rules the alert rules file
	 * @param port Prometheus's own port, scraped as job {@code prometheus}
	 */
	public static String configuration(Map<String, List<Integer>> managementPorts, Path rules, int port) {
		String targets = managementPorts.entrySet()
			.stream()
			.map((service) -> "      - targets: [" + addresses(service.getValue()) + "]\n        labels: { service: "
					+ service.getKey() + " }\n")
			.collect(Collectors.joining());
		return """
				# Written by the launcher (./run-local.sh --monitoring) from deploy/prometheus/prometheus.yml.
				global:
				  scrape_interval: 5s
				  evaluation_interval: 5s
				  external_labels: { platform: hashop }
				rule_files:
				  - "%s"
				scrape_configs:
				  - job_name: hashop
				    metrics_path: /actuator/prometheus
				    static_configs:
				%s  - job_name: prometheus
				    static_configs:
				      - targets: ["127.0.0.1:%d"]
				""".formatted(rules.toAbsolutePath(), targets, port);
	}

	/**
	 * Starts Prometheus with that configuration in {@code workDir} and waits until it is
	 * ready.
	 * @throws LauncherException when the port is taken or Prometheus does not become
	 * ready (its log is named)
	 */
	public static LocalPrometheus start(Path binary, String configuration, Path workDir, int port) {
		requireFree(port);
		try {
			Files.createDirectories(workDir.resolve("data"));
			Path config = Files.writeString(workDir.resolve("prometheus.yml"), configuration);
			Path log = workDir.resolve("prometheus.log");
			Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
					"--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			LocalPrometheus prometheus = new LocalPrometheus(process, port);
			if (!prometheus.awaitReady()) {
				prometheus.close();
				throw new LauncherException(
						"Prometheus did not become ready within " + READY_TIMEOUT.toSeconds() + " s; its log: " + log);
			}
			return prometheus;
		}
		catch (IOException ex) {
			throw new LauncherException("Could not start Prometheus (" + binary + "): " + ex.getMessage(), ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private boolean awaitReady() {
		Readiness readiness = Readiness.standard();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (this.process.isAlive() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
			if (readiness.status(this.port, "/-/ready") == 200) {
				return true;
			}
			sleep(Duration.ofMillis(200));
		}
		return false;
	}

	private static String addresses(List<Integer> ports) {
		return ports.stream().map((port) -> "\"127.0.0.1:" + port + "\"").collect(Collectors.joining(", "));
	}

	private static void requireFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new LauncherException("--monitoring: port " + port
					+ " is taken (another Prometheus?); set LAUNCHER_PROMETHEUS_PORT to a free one.");
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
