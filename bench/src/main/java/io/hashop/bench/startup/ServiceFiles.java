package io.hashop.bench.startup;

import java.nio.file.Path;

/**
 * Where one service's start-up files live under the scenario's directory: a copy of the
 * fat jar (so that a rebuild during the run changes no arm), the jar extracted from it,
 * the CDS archive and AOT caches trained on that extracted jar, and Spring's AOT
 * processing of it with the cache trained on that.
 */
record ServiceFiles(String module, Path directory, Path jar, Path extracted, Path extractedJar, Path cdsArchive,
		Path aotCache, Path aotCacheTrainedToReady, Path springAot, Path springAotJar, Path springAotCache) {

	static ServiceFiles in(Path workDirectory, String module) {
		Path directory = workDirectory.toAbsolutePath().normalize().resolve(module);
		Path extracted = directory.resolve("extracted");
		return new ServiceFiles(module, directory, directory.resolve(module + ".jar"), extracted,
				extracted.resolve(module + ".jar"), directory.resolve(module + ".jsa"),
				directory.resolve(module + ".aot"), directory.resolve(module + "-trained-to-ready.aot"),
				directory.resolve("spring-aot"), directory.resolve(module + "-spring-aot.jar"),
				directory.resolve(module + "-spring-aot.aot"));
	}

	Path log(String what) {
		return this.directory.resolve(what + ".log");
	}

}
