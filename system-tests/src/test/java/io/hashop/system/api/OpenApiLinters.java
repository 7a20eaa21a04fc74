package io.hashop.system.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Redocly CLI and Spectral, pinned, installed from the npm registry into
 * {@code target/openapi-linters} by the first test that needs them. Without node and npm:
 * Debian's are installed when running as root; else the linting tests are skipped, and
 * fail in CI ({@code CI=true}).
 */
final class OpenApiLinters {

	static final String REDOCLY = "@redocly/cli@2.77.0";

	static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";

	private final Path prefix;

	private OpenApiLinters(Path prefix) {
		this.prefix = prefix;
	}

	static OpenApiLinters install(Path prefix) {
		if (!available("node") || !available("npm")) {
			if ("0".equals(run(List.of("id", "-u"), null).output().trim())) {
				run(List.of("apt-get", "install", "-y", "-q", "nodejs", "npm"), null);
			}
			if (!available("node") || !available("npm")) {
				if ("true".equals(System.getenv("CI"))) {
					throw new IllegalStateException("node and npm are needed to lint the API description");
				}
				Assumptions.abort("node and npm are not installed: the API description is not linted.");
			}
		}
		Path marker = prefix.resolve("installed-" + (REDOCLY + SPECTRAL).replaceAll("[^A-Za-z0-9.]", "_"));
		if (!Files.exists(marker)) {
			Result result = run(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
					"--no-save", REDOCLY, SPECTRAL), null);
			if (result.exit() != 0) {
				throw new IllegalStateException("npm install failed:\n" + result.output());
			}
			write(marker, "");
		}
		return new OpenApiLinters(prefix);
	}

	Result redocly(Path document, Path config) {
		return run(List.of(bin("redocly"), "lint", "--config", config.toString(), document.toString()),
				document.getParent());
	}

	Result spectral(Path document, Path ruleset) {
		return run(List.of(bin("spectral"), "lint", "--ruleset", ruleset.toString(), "--fail-severity", "warn",
				document.toString()), document.getParent());
	}

	private String bin(String name) {
		return this.prefix.resolve("node_modules/.bin").resolve(name).toString();
	}

	static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean available(String command) {
		return run(List.of("sh", "-c", "command -v " + command), null).exit() == 0;
	}

	private static Result run(List<String> command, Path directory) {
		List<String> full = new ArrayList<>(command);
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		builder.environment().put("REDOCLY_TELEMETRY", "off");
		builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
		builder.environment().put("NO_COLOR", "1");
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + command);
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			return new Result(127, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What a command printed and how it ended. */
	record Result(int exit, String output) {

	}

}
