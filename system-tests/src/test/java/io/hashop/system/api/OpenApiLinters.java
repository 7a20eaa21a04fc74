package io.hashop.system.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.hashop.system.support.NpmPackages;
import io.hashop.system.support.NpmPackages.Result;

/**
 * Redocly CLI and Spectral, pinned, installed from the npm registry into
 * {@code target/openapi-linters} by the first test that needs them ({@link NpmPackages}).
 */
final class OpenApiLinters {

	static final String REDOCLY = "@redocly/cli@2.77.0";

	static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";

	/** Their output without colours, telemetry or update notices. */
	private static final Map<String, String> QUIET = Map.of("REDOCLY_TELEMETRY", "off",
			"REDOCLY_SUPPRESS_UPDATE_NOTICE", "true", "NO_COLOR", "1");

	private final NpmPackages packages;

	private OpenApiLinters(NpmPackages packages) {
		this.packages = packages;
	}

	static OpenApiLinters install(Path prefix) {
		return new OpenApiLinters(NpmPackages.install(prefix, "the API description is not linted.", REDOCLY, SPECTRAL));
	}

	Result redocly(Path document, Path config) {
		return this.packages.run("redocly", List.of("lint", "--config", config.toString(), document.toString()),
				document.getParent(), QUIET);
	}

	Result spectral(Path document, Path ruleset) {
		return this.packages.run("spectral",
				List.of("lint", "--ruleset", ruleset.toString(), "--fail-severity", "warn", document.toString()),
				document.getParent(), QUIET);
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

}
