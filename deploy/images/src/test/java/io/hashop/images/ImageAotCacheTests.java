package io.hashop.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts bff-web's image Java without a container engine
 * ({@code deploy/images/image-run.sh}: the tarball's layers unpacked, {@code unshare} +
 * {@code chroot} as the image's user) up to the refreshed context, with
 * {@code -XX:AOTMode=on} (the JVM exits when it cannot map the cache) and class loading
 * logged: the app's classes and Spring's come from the cache. bff-web refreshes without
 * its downstream services; root is needed, as for building the images.
 */
class ImageAotCacheTests {

	private static final Path ROOT = Path.of(System.getProperty("hashop.root", "../..")).toAbsolutePath().normalize();

	@Test
	void bffWebImageLoadsItsClassesFromTheAotCache(@TempDir Path work) throws Exception {
		Path tar = ServiceImageTests.tarballOf("bff-web");
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) || "true".equals(System.getenv("CI")),
				"image-run.sh needs root (chroot, unshare), as building the images does");
		Path log = work.resolve("java.log");
		Process java = new ProcessBuilder(List.of("bash", ROOT.resolve("deploy/images/image-run.sh").toString(),
				tar.toString(), work.resolve("rootfs").toString(), "-XX:AOTMode=on", "-Xlog:class+load=info",
				"-Dspring.context.exit=onRefresh"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean exited = java.waitFor(120, TimeUnit.SECONDS);
		if (!exited) {
			java.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(log);
		assertThat(exited).as("exited within 2 minutes").isTrue();
		assertThat(java.exitValue()).as("exit status; log:%n%s", tail(lines)).isZero();

		List<String> loaded = lines.stream().filter(l -> l.contains("[class,load]")).toList();
		List<String> cached = loaded.stream().filter(l -> l.endsWith(" source: shared objects file")).toList();
		assertThat(cached).as("the app's classes from the AOT cache")
			.anyMatch(l -> l.contains(" io.hashop.bff.BffApplication source:"))
			.anyMatch(l -> l.contains(" io.hashop.bff.") && l.contains("Controller source:"));
		assertThat(cached).as("Spring's classes from the AOT cache")
			.anyMatch(l -> l.contains(" org.springframework.context.support.AbstractApplicationContext source:"));
		assertThat(cached.size()).as("classes from the cache, of %d loaded", loaded.size())
			.isGreaterThan(loaded.size() * 3 / 4);
	}

	private static String tail(List<String> lines) {
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

}
