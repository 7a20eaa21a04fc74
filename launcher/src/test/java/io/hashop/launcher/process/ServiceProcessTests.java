package io.hashop.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.hashop.launcher.service.ServiceTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTests {

	@TempDir
	Path temp;

	@Test
	void commandRunsTheJarWithSmallJvmOptions() {
		assertThat(ServiceProcess.command(Path.of("/jdk/bin/java"), ServiceTable.JVM_OPTIONS,
				Path.of("/repo/gateway/target/gateway.jar")))
			.containsExactly("/jdk/bin/java", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
					"--enable-native-access=ALL-UNNAMED", "-jar", "/repo/gateway/target/gateway.jar");
	}

	@Test
	void tailShowsOnlyTheLastLinesOfThisRun() throws IOException {
		Path log = this.temp.resolve("gateway.log");
		Files.writeString(log, "old run\n");
		long start = Files.size(log);
		Files.writeString(log,
				IntStream.rangeClosed(1, 50).mapToObj((i) -> "line " + i).collect(Collectors.joining("\n", "", "\n")),
				StandardOpenOption.APPEND);
		ServiceProcess process = new ServiceProcess(ServiceTable.gateway(), new FakeProcess(false, 1), log, start,
				Instant.now());
		assertThat(process.tail(40)).hasSize(40).startsWith("line 11").endsWith("line 50");
		assertThat(process.tail(100)).hasSize(50).doesNotContain("old run");
		assertThat(process.exitCode()).hasValue(1);
	}

	@Test
	void tailOfAnEmptyRunShowsNothingOld() throws IOException {
		Path log = this.temp.resolve("gateway.log");
		Files.writeString(log, "old run\n");
		ServiceProcess process = new ServiceProcess(ServiceTable.gateway(), new FakeProcess(true, 0), log,
				Files.size(log), Instant.now());
		assertThat(process.tail(40)).doesNotContain("old run");
		assertThat(process.exitCode()).isEmpty();
	}

}
