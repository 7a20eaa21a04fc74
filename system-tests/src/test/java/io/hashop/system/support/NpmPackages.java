package io.hashop.system.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Pinned packages from the npm registry, installed into a directory of the build by the
 * first test that needs them. Without node and npm: Debian's are installed when running
 * as root; else the test is skipped, and fails in CI ({@code CI=true}).
 */
public final class NpmPackages {

	private final Path prefix;

	private NpmPackages(Path prefix) {
		this.prefix = prefix;
	}

	/**
	 * Installs the packages ({@code name@version}) into {@code prefix} unless they
	 * already are.
	 * @param why what is not done without them, in the sentence that skips or fails the
	 * test
	 * @return the installed packages
	 */
	public static NpmPackages install(Path prefix, String why, String... packages) {
		if (!available("node") || !available("npm")) {
			if ("root".equals(System.getProperty("user.name"))) {
				run(List.of("apt-get", "install", "-y", "-q", "nodejs", "npm"), null, Map.of());
			}
			if (!available("node") || !available("npm")) {
				String reason = "node and npm are not installed: " + why;
				if ("true".equals(System.getenv("CI"))) {
					Assertions.fail(reason);
				}
				Assumptions.abort(reason);
			}
		}
		Path marker = prefix.resolve("installed-" + String.join("+", packages).replaceAll("[^A-Za-z0-9.+]", "_"));
		if (!Files.exists(marker)) {
			List<String> command = new ArrayList<>(
					List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", "--no-save"));
			command.addAll(List.of(packages));
			Result result = run(command, null, Map.of());
			if (result.exit() != 0) {
				throw new IllegalStateException("npm install failed:\n" + result.output());
			}
			try {
				Files.createDirectories(prefix);
				Files.writeString(marker, "", StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return new NpmPackages(prefix);
	}

	/** A file of an installed package, {@code node_modules/<path>}. */
	public Path file(String path) {
		return this.prefix.resolve("node_modules").resolve(path);
	}

	/**
	 * Runs a command an installed package provides ({@code node_modules/.bin/<name>}).
	 * @param directory where it runs
	 * @param environment variables added to this JVM's
	 */
	public Result run(String name, List<String> arguments, Path directory, Map<String, String> environment) {
		List<String> command = new ArrayList<>();
		command.add(file(".bin/" + name).toString());
		command.addAll(arguments);
		return run(command, directory, environment);
	}

	private static boolean available(String command) {
		return run(List.of("sh", "-c", "command -v " + command), null, Map.of()).exit() == 0;
	}

	private static Result run(List<String> command, Path directory, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
		builder.environment().putAll(environment);
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
	public record Result(int exit, String output) {

	}

}
