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
 * A proxy built from a module of {@code bench/}
 * ({@code bench/<module>/target/<module>.jar}) started beside the platform with the same
 * JDK and options as the services, in front of the same BFF: Spring Cloud Gateway with
 * one route ({@code bench/minimal-gateway}) or a plain Reactor Netty proxy
 * ({@code bench/netty-proxy}). The jar reads {@code SERVER_PORT} and {@code UPSTREAM}; it
 * counts as started when {@code GET /api/products} through it answers 200.
 */
final class ProxyJar implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private ProxyJar(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
	}

	private void awaitAnswer(Duration timeout) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException(
						"The " + this.name + " exited with " + this.process.exitValue() + " (see " + this.log + ")");
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
			Thread.sleep(250);
		}
		throw new IOException("The " + this.name + " did not answer GET /api/products with 200 within "
				+ timeout.toSeconds() + " s (see " + this.log + ")");
	}

	/**
	 * What the proxies have in common: where the jars are, the JVM that runs them, where
	 * they log and what they send to.
	 *
	 * @param repoRoot the repository, where {@code bench/<module>/target} is
	 * @param java the {@code java} executable of the services
	 * @param jvmOptions the services' JVM options
	 * @param logs the directory of the {@code <module>.log} files
	 * @param upstream the BFF's URL
	 */
	record Starter(Path repoRoot, Path java, List<String> jvmOptions, Path logs, String upstream) {

		/**
		 * Starts {@code bench/<module>/target/<module>.jar} on a port and waits until it
		 * answers.
		 * @param module the module's directory under {@code bench/}, also the jar's name
		 * @param name what error messages call it, such as {@code minimal gateway}
		 * @param port the port it listens on
		 * @return the running proxy
		 */
		ProxyJar start(String module, String name, int port) {
			Path jar = this.repoRoot.resolve("bench").resolve(module).resolve("target").resolve(module + ".jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(
						"The " + name + " (" + jar + ") is missing: build with ./mvnw -DskipTests install first.");
			}
			List<String> command = new ArrayList<>(List.of(this.java.toString()));
			command.addAll(this.jvmOptions);
			command.addAll(List.of("-jar", jar.toString()));
			Path log = this.logs.resolve(module + ".log");
			ProxyJar proxy;
			try {
				Files.createDirectories(this.logs);
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(log.toFile());
				builder.environment().put("SERVER_PORT", Integer.toString(port));
				builder.environment().put("UPSTREAM", this.upstream);
				proxy = new ProxyJar(name, builder.start(), port, log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The " + name + " could not be started", ex);
			}
			try {
				proxy.awaitAnswer(START_TIMEOUT);
				return proxy;
			}
			catch (IOException ex) {
				proxy.close();
				throw new UncheckedIOException(ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				proxy.close();
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the " + name, ex);
			}
			catch (RuntimeException ex) {
				proxy.close();
				throw ex;
			}
		}

	}

}
