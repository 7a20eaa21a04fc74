package io.hashop.system.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code prometheus} binary for tests that need a real Prometheus: installed
 * with apt when missing and the tests run as root; otherwise the test is skipped on a
 * developer's machine and fails in CI, where a silent skip would hide the check.
 */
public final class PrometheusInstallation {

	private static final Path BINARY = Path.of("/usr/bin/prometheus");

	private PrometheusInstallation() {
	}

	/** The binary, installed first if need be. */
	public static Path binary() {
		if (!Files.isExecutable(BINARY) && isRoot()) {
			install();
		}
		if (!Files.isExecutable(BINARY)) {
			String reason = BINARY + " is missing: install Debian's prometheus package (apt-get install prometheus).";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(reason);
			}
			Assumptions.abort(reason);
		}
		return BINARY;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void install() {
		try {
			ProcessBuilder builder = new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends",
					"prometheus")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
			Process apt = builder.start();
			if (!apt.waitFor(10, TimeUnit.MINUTES)) {
				apt.destroyForcibly();
			}
		}
		catch (IOException ex) {
			// No apt-get: the check above reports the missing binary.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
