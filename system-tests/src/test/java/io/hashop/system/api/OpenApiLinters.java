package io.hashop.system.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.hashop.system.support.NpmPackages;

/**
 * Redocly CLI and Spectral, pinned, installed from the npm registry into
 * {@code target/openapi-linters} by the first test that needs them ({@link NpmPackages}).
 */
final class OpenApiLinters {

	static final String REDOCLY = "@redocly/cli@2.77.0";

	static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";

	private final Path prefix;

	private OpenApiLinters(Path prefix) {
		this.prefix = prefix;
	}

	static OpenApiLinters install(Path prefix) {
		return new OpenApiLinters(NpmPackages.install(prefix, "the API description is not linted.", REDOCLY, SPECTRAL));
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
