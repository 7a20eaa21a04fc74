package io.hashop.bench.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Spring Cloud Gateway with one route and nothing else ({@code bench/minimal-gateway}),
 * run with the same JDK and options as the services, in front of the same BFF.
 */
final class MinimalGateway implements AutoCloseable {

	private final Process process;

	private final int port;

	private MinimalGateway(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static MinimalGateway start(Path repoRoot, Path java, List<String> jvmOptions, Path log, int port,
			String upstream) {
		Path jar = repoRoot.resolve("bench/minimal-gateway/target/minimal-gateway.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests install first.");
		}
		List<String> command = new ArrayList<>(List.of(java.toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString()));
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("SERVER_PORT", Integer.toString(port));
			builder.environment().put("UPSTREAM", upstream);
			MinimalGateway gateway = new MinimalGateway(builder.start(), port);
			gateway.awaitAnswer(Duration.ofSeconds(90));
			return gateway;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	private void awaitAnswer(Duration timeout) throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException("The minimal gateway exited with " + this.process.exitValue());
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/products"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted", ex);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted", ex);
			}
		}
		close();
		throw new IOException("The minimal gateway did not answer within " + timeout.toSeconds() + " s");
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
