package io.hashop.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.hashop.bench.harness.Measurement;

/**
 * Drives load with wrk (Debian's package, installed by the harness when missing and
 * allowed): {@code wrk -t<threads> -c<connections> -d<seconds>s --latency}, optionally
 * with a Lua script, and reads its throughput and latency percentiles.
 */
public final class Wrk {

	private final Path executable;

	private final Path scripts;

	public Wrk(Path executable, Path scripts) {
		this.executable = executable;
		this.scripts = scripts;
	}

	/**
	 * Finds wrk, installing it with apt-get when this process runs as root.
	 * @throws IllegalStateException with one sentence when wrk is missing and cannot be
	 * installed
	 */
	public static Wrk locate(Path workDirectory) {
		Path wrk = Tools.require("wrk", "wrk");
		try {
			Path scripts = Files.createDirectories(workDirectory.resolve("wrk"));
			for (String script : List.of("fixed-rate.lua", "orders.lua")) {
				try (InputStream in = Wrk.class.getResourceAsStream(script)) {
					Files.copy(in, scripts.resolve(script), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return new Wrk(wrk, scripts);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One load run; see {@link Load} for what it sends. */
	public Measurement run(Load load, Duration duration) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(this.executable.toString(), "-t" + load.threads(), "-c" + load.connections(),
						"-d" + Math.max(1, duration.toSeconds()) + "s", "--latency", "--timeout", "5s"));
		load.headers().forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
		if (load.script() != null) {
			command.addAll(List.of("-s", this.scripts.resolve(load.script()).toString()));
		}
		command.add(load.url());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(load.environment());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException("wrk failed: " + output);
		}
		return WrkOutput.parse(output);
	}

	/**
	 * What to send.
	 *
	 * @param url the target
	 * @param threads wrk threads
	 * @param connections connections kept open
	 * @param headers extra request headers
	 * @param script a Lua script shipped with the harness, or {@code null}
	 * @param environment variables the script reads
	 */
	public record Load(String url, int threads, int connections, Map<String, String> headers, String script,
			Map<String, String> environment) {

		public static Load get(String url, int connections) {
			return new Load(url, 2, connections, Map.of(), null, Map.of());
		}

		public Load withHeaders(Map<String, String> headers) {
			return new Load(this.url, this.threads, this.connections, headers, this.script, this.environment);
		}

		public Load withScript(String script, Map<String, String> environment) {
			return new Load(this.url, this.threads, this.connections, this.headers, script, environment);
		}

	}

}
