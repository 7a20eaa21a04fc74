package io.hashop.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds a Debian tool on the PATH, installing its package when running as root. */
public final class Tools {

	private Tools() {
	}

	public static Path require(String command, String debianPackage) {
		Path found = find(command);
		if (found != null) {
			return found;
		}
		if (isRoot()) {
			install(debianPackage);
			found = find(command);
			if (found != null) {
				return found;
			}
		}
		throw new IllegalStateException(command + " is not installed and this user cannot install it: run "
				+ "'sudo apt-get install " + debianPackage + "' and try again.");
	}

	private static Path find(String command) {
		for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		Path sbin = Path.of("/usr/sbin", command);
		return Files.isExecutable(sbin) ? sbin : null;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void install(String debianPackage) {
		try {
			Process process = new ProcessBuilder(List.of("apt-get", "install", "-y", "-q", debianPackage))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			process.getOutputStream().close();
			process.waitFor(5, TimeUnit.MINUTES);
		}
		catch (IOException ex) {
			// Reported below as "not installed".
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
