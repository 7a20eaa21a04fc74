package io.hashop.launcher.monitoring;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./run-local.sh --monitoring}'s Prometheus, real: Debian's binary (installed when
 * missing and running as root; else skipped, and failed in CI) scrapes a stand-in
 * management endpoint with the labels the deployed configuration gives, and loads the
 * deployed alert rules.
 */
class LocalPrometheusTests {

	static final Path ALERTS = Path.of("../deploy/prometheus/alerts.yml").toAbsolutePath().normalize();

	@Test
	void writesTheDeployedJobWithTheLocalInstancesAsTargets() {
		String configuration = LocalPrometheus
			.configuration(Map.of("bff-web", List.of(9181, 9281), "gateway", List.of(9180)), ALERTS, 9090);

		assertThat(configuration).contains("job_name: hashop", "metrics_path: /actuator/prometheus",
				"- targets: [\"127.0.0.1:9181\", \"127.0.0.1:9281\"]\n        labels: { service: bff-web }",
				"- targets: [\"127.0.0.1:9180\"]\n        labels: { service: gateway }", "\"" + ALERTS + "\"",
				"targets: [\"127.0.0.1:9090\"]");
	}

	@Test
	void scrapesEveryInstanceAndLoadsTheAlertRules(@TempDir Path workDir) throws Exception {
		Path binary = installedPrometheus();
		HttpServer instance = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		instance.createContext("/actuator/prometheus", (exchange) -> {
			byte[] body = "hashop_stand_in_up 1\n".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		instance.start();
		int port = freePort();
		String configuration = LocalPrometheus
			.configuration(Map.of("order-service", List.of(instance.getAddress().getPort())), ALERTS, port);
		try (LocalPrometheus prometheus = LocalPrometheus.start(binary, configuration, workDir, port)) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> get(prometheus.url() + "/api/v1/query?query=hashop_stand_in_up"),
						(answer) -> answer.contains("\"service\":\"order-service\"")
								&& answer.contains("\"job\":\"hashop\""));
			assertThat(get(prometheus.url() + "/api/v1/rules")).contains("\"type\":\"alerting\"", "HashopServiceDown");
		}
		finally {
			instance.stop(0);
		}
	}

	private static Path installedPrometheus() throws Exception {
		Optional<Path> binary = LocalPrometheus.binary(System.getenv());
		if (binary.isEmpty() && "root".equals(System.getProperty("user.name"))
				&& Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
			ProcessBuilder apt = new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends", "prometheus")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
			apt.start().waitFor(10, TimeUnit.MINUTES);
			binary = LocalPrometheus.binary(System.getenv());
		}
		if (binary.isEmpty()) {
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(LocalPrometheus.NOT_INSTALLED);
			}
			Assumptions.abort(LocalPrometheus.NOT_INSTALLED);
		}
		return binary.get();
	}

	private static String get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
