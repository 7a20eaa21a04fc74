package io.hashop.bench.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an instance is started, and for the cached modes the training run that writes the
 * cache beforehand, with the same JVM options as the measured runs since a cache holds
 * only for the options (collector, heap) it was written with. JDK 25 refuses any
 * {@code -Xshare:} option beside {@code -XX:AOTCache} or {@code -XX:AOTCacheOutput}: the
 * AOT modes drop it.
 */
enum StartMode {

	/** {@code java <options> -jar <module>.jar}: what the launcher and the images run. */
	PLAIN,

	/** {@code java <options> -jar extracted/<module>.jar}: the jar unpacked, no cache. */
	EXTRACTED,

	/**
	 * {@code java -XX:SharedArchiveFile=<module>.jsa <options> -jar
	 * extracted/<module>.jar}: a dynamic CDS archive (JDK 21 and later), trained until
	 * the context is refreshed.
	 */
	CDS,

	/**
	 * {@code java -XX:AOTCache=<module>.aot <options> -jar extracted/<module>.jar}: an
	 * AOT cache (JEP 483, 514, 515; one training run from JDK 25), trained until the
	 * context is refreshed ({@code -Dspring.context.exit=onRefresh}), as Spring Boot's
	 * documentation advises.
	 */
	AOT,

	/**
	 * The same with a cache trained on a whole start: until {@code /readyz} answers, then
	 * stopped with SIGTERM, so that it also holds what the lifecycle loads (web server,
	 * gRPC server, Kafka consumers, health checks).
	 */
	AOT_TRAINED_TO_READY,

	/**
	 * The same again on Spring's AOT processing of the service
	 * ({@link SpringAotProcessing}): {@code java -XX:AOTCache=<module>-spring-aot.aot
	 * <options> -Dspring.aot.enabled=true -jar <module>-spring-aot.jar}, the bean
	 * definitions generated ahead of time instead of found by reflection at start-up.
	 */
	SPRING_AOT;

	static final String SPRING_AOT_ENABLED = "-Dspring.aot.enabled=true";

	static final String TRAINING_EXIT = "-Dspring.context.exit=onRefresh";

	/** The AOT cache needs JDK 25 for {@code -XX:AOTCacheOutput}; before that, CDS. */
	static final int AOT_CACHE_SINCE = 25;

	/** The cache this mode reads: a file its training run must write. */
	Optional<Path> cache(ServiceFiles files) {
		return switch (this) {
			case PLAIN, EXTRACTED -> Optional.empty();
			case CDS -> Optional.of(files.cdsArchive());
			case AOT -> Optional.of(files.aotCache());
			case AOT_TRAINED_TO_READY -> Optional.of(files.aotCacheTrainedToReady());
			case SPRING_AOT -> Optional.of(files.springAotCache());
		};
	}

	/** Whether its training run is a whole start, stopped once ready. */
	boolean trainsUntilReady() {
		return this == AOT_TRAINED_TO_READY || this == SPRING_AOT;
	}

	/** Whether it needs Spring's AOT processing of the service before its training. */
	boolean needsSpringAot() {
		return this == SPRING_AOT;
	}

	List<String> command(Path java, List<String> jvmOptions, ServiceFiles files) {
		return switch (this) {
			case PLAIN -> java(java, null, jvmOptions, null, files.jar());
			case EXTRACTED -> java(java, null, jvmOptions, null, files.extractedJar());
			case CDS ->
				java(java, "-XX:SharedArchiveFile=" + files.cdsArchive(), jvmOptions, null, files.extractedJar());
			case AOT, AOT_TRAINED_TO_READY -> java(java, "-XX:AOTCache=" + cache(files).orElseThrow(),
					withoutXshare(jvmOptions), null, files.extractedJar());
			case SPRING_AOT -> java(java, "-XX:AOTCache=" + files.springAotCache(), withoutXshare(jvmOptions),
					SPRING_AOT_ENABLED, files.springAotJar());
		};
	}

	/** The run that writes this mode's cache. */
	List<String> training(Path java, List<String> jvmOptions, ServiceFiles files) {
		return switch (this) {
			case PLAIN, EXTRACTED -> throw new IllegalStateException(this + " needs no training run");
			case CDS -> java(java, "-XX:ArchiveClassesAtExit=" + files.cdsArchive(), jvmOptions, TRAINING_EXIT,
					files.extractedJar());
			case AOT -> java(java, "-XX:AOTCacheOutput=" + files.aotCache(), withoutXshare(jvmOptions), TRAINING_EXIT,
					files.extractedJar());
			case AOT_TRAINED_TO_READY -> java(java, "-XX:AOTCacheOutput=" + files.aotCacheTrainedToReady(),
					withoutXshare(jvmOptions), null, files.extractedJar());
			case SPRING_AOT -> java(java, "-XX:AOTCacheOutput=" + files.springAotCache(), withoutXshare(jvmOptions),
					SPRING_AOT_ENABLED, files.springAotJar());
		};
	}

	/** Spring Boot's {@code tools} jar mode unpacks the fat jar into a jar and lib/. */
	static List<String> extract(Path java, ServiceFiles files) {
		return List.of(java.toString(), "-Djarmode=tools", "-jar", files.jar().toString(), "extract", "--destination",
				files.extracted().toString());
	}

	/**
	 * The options without {@code -Xshare:auto} and its kind, which the AOT flags exclude.
	 */
	static List<String> withoutXshare(List<String> jvmOptions) {
		return jvmOptions.stream().filter((option) -> !option.startsWith("-Xshare:")).toList();
	}

	private static List<String> java(Path java, String cacheOption, List<String> jvmOptions, String property,
			Path jar) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		if (cacheOption != null) {
			command.add(cacheOption);
		}
		command.addAll(jvmOptions);
		if (property != null) {
			command.add(property);
		}
		command.add("-jar");
		command.add(jar.toString());
		return command;
	}

}
