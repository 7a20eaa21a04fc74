package io.hashop.system.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus as a child process of the test JVM, on a free loopback port with its
 * data in a directory of its own, and a client of its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final String baseUrl;

	private PrometheusServer(Process process, int port) {
		this.process = process;
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	/**
	 * Starts Prometheus with a configuration file, its TSDB and log in {@code workDir},
	 * and waits until it is ready.
	 */
	public static PrometheusServer start(Path binary, Path config, Path workDir) throws IOException {
		int port = freeLoopbackPort();
		Path data = Files.createDirectories(workDir.resolve("data"));
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("prometheus.log").toFile())
			.start();
		PrometheusServer server = new PrometheusServer(process, port);
		// A JVM stopped before @AfterAll must not leave Prometheus behind.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "prometheus-stop"));
		Awaitility.await("Prometheus ready (log: " + workDir.resolve("prometheus.log") + ")")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> process.isAlive() && server.isReady());
		return server;
	}

	/** {@code GET /api/v1/<path>}: the whole answer, {@code status} and {@code data}. */
	public JsonNode api(String path) {
		HttpResponse<String> response = get("/api/v1/" + path);
		return JSON.readTree(response.body());
	}

	/** An instant query, {@code GET /api/v1/query}. */
	public JsonNode query(String expression) {
		return api("query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private boolean isReady() {
		try {
			return get("/-/ready").statusCode() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
