package io.hashop.bench.startup;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StartModeTests {

	private static final Path JAVA = Path.of("/jdk/bin/java");

	private static final List<String> OPTIONS = List.of("-XX:MaxRAM=768m", "-Xshare:auto");

	private static final ServiceFiles FILES = ServiceFiles.in(Path.of("/w"), "bff-web");

	@Test
	void startsThePlainFatJarWithTheOptionsAlone() {
		assertThat(StartMode.PLAIN.command(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java", "-XX:MaxRAM=768m",
				"-Xshare:auto", "-jar", "/w/bff-web/bff-web.jar");
		assertThat(StartMode.PLAIN.cache(FILES)).isEmpty();
	}

	@Test
	void startsTheExtractedJarWithoutACache() {
		assertThat(StartMode.EXTRACTED.command(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:MaxRAM=768m", "-Xshare:auto", "-jar", "/w/bff-web/extracted/bff-web.jar");
	}

	@Test
	void extractsWithSpringBootsToolsJarMode() {
		assertThat(StartMode.extract(JAVA, FILES)).containsExactly("/jdk/bin/java", "-Djarmode=tools", "-jar",
				"/w/bff-web/bff-web.jar", "extract", "--destination", "/w/bff-web/extracted");
	}

	@Test
	void trainsAnAotCacheUntilTheContextIsRefreshedThenStartsWithItWithoutXshare() {
		assertThat(StartMode.AOT.training(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:AOTCacheOutput=/w/bff-web/bff-web.aot", "-XX:MaxRAM=768m", "-Dspring.context.exit=onRefresh",
				"-jar", "/w/bff-web/extracted/bff-web.jar");
		assertThat(StartMode.AOT.command(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:AOTCache=/w/bff-web/bff-web.aot", "-XX:MaxRAM=768m", "-jar", "/w/bff-web/extracted/bff-web.jar");
		assertThat(StartMode.AOT.cache(FILES)).contains(Path.of("/w/bff-web/bff-web.aot"));
	}

	@Test
	void trainsAnotherAotCacheOnAWholeStart() {
		assertThat(StartMode.AOT_TRAINED_TO_READY.training(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:AOTCacheOutput=/w/bff-web/bff-web-trained-to-ready.aot", "-XX:MaxRAM=768m", "-jar",
				"/w/bff-web/extracted/bff-web.jar");
		assertThat(StartMode.AOT_TRAINED_TO_READY.command(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:AOTCache=/w/bff-web/bff-web-trained-to-ready.aot", "-XX:MaxRAM=768m", "-jar",
				"/w/bff-web/extracted/bff-web.jar");
		assertThat(StartMode.AOT_TRAINED_TO_READY.trainsUntilReady()).isTrue();
		assertThat(StartMode.AOT.trainsUntilReady()).isFalse();
	}

	@Test
	void trainsADynamicCdsArchiveThenStartsWithIt() {
		assertThat(StartMode.CDS.training(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:ArchiveClassesAtExit=/w/bff-web/bff-web.jsa", "-XX:MaxRAM=768m", "-Xshare:auto",
				"-Dspring.context.exit=onRefresh", "-jar", "/w/bff-web/extracted/bff-web.jar");
		assertThat(StartMode.CDS.command(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:SharedArchiveFile=/w/bff-web/bff-web.jsa", "-XX:MaxRAM=768m", "-Xshare:auto", "-jar",
				"/w/bff-web/extracted/bff-web.jar");
	}

	@Test
	void startsSpringsAotProcessingWithItsOwnCacheTrainedOnAWholeStart() {
		assertThat(StartMode.SPRING_AOT.training(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:AOTCacheOutput=/w/bff-web/bff-web-spring-aot.aot", "-XX:MaxRAM=768m", "-Dspring.aot.enabled=true",
				"-jar", "/w/bff-web/bff-web-spring-aot.jar");
		assertThat(StartMode.SPRING_AOT.command(JAVA, OPTIONS, FILES)).containsExactly("/jdk/bin/java",
				"-XX:AOTCache=/w/bff-web/bff-web-spring-aot.aot", "-XX:MaxRAM=768m", "-Dspring.aot.enabled=true",
				"-jar", "/w/bff-web/bff-web-spring-aot.jar");
		assertThat(StartMode.SPRING_AOT.trainsUntilReady()).isTrue();
		assertThat(StartMode.SPRING_AOT.needsSpringAot()).isTrue();
		assertThat(StartMode.AOT_TRAINED_TO_READY.needsSpringAot()).isFalse();
	}

	@Test
	void hasNoTrainingRunWithoutACache() {
		assertThatIllegalStateException().isThrownBy(() -> StartMode.EXTRACTED.training(JAVA, OPTIONS, FILES));
	}

}
