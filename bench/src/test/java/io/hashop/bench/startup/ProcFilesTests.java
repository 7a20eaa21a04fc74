package io.hashop.bench.startup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProcFilesTests {

	@Test
	void readsVmRssInMebibytes() {
		String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  400000 kB\nVmRSS:\t  314368 kB\nRssAnon:\t 200000 kB\n";

		assertThat(ProcFiles.vmRssMiB(status)).isEqualTo(307.0);
	}

	@Test
	void refusesAStatusWithoutVmRss() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcFiles.vmRssMiB("Name:\tkthreadd\nState:\tS\n"));
	}

	@Test
	void readsItsOwnResidentMemory() throws Exception {
		assertThat(ProcFiles.rssMiB(ProcessHandle.current().pid())).isGreaterThan(1);
	}

	@Test
	void addsUserAndSystemTicksCountedFromTheEndOfTheCommandName() {
		String stat = "4212 (java (x) y) S 31789 4212 17842 0 -1 4194304 123 0 0 0 1234 567 0 0 20 0 41 0 709236\n";

		assertThat(ProcFiles.cpuTicks(stat)).isEqualTo(1234 + 567);
	}

	@Test
	void readsItsOwnProcessorTime() throws Exception {
		assertThat(ProcFiles.cpuSeconds(ProcessHandle.current().pid())).isPositive();
	}

	@Test
	void splitsTheEnvironmentAtTheFirstEqualsSign() {
		byte[] environ = "SERVER_PORT=8081\0SPRING_APPLICATION_JSON={\"a\":\"b=c\"}\0EMPTY=\0"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(ProcFiles.environment(environ)).containsEntry("SERVER_PORT", "8081")
			.containsEntry("SPRING_APPLICATION_JSON", "{\"a\":\"b=c\"}")
			.containsEntry("EMPTY", "")
			.hasSize(3);
	}

	@Test
	void splitsACommandLineAtNulBytes() {
		byte[] cmdline = "/jdk/bin/java\0-XX:MaxRAM=768m\0-jar\0/repo/bff-web/target/bff-web.jar\0"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(ProcFiles.nulSeparated(cmdline)).containsExactly("/jdk/bin/java", "-XX:MaxRAM=768m", "-jar",
				"/repo/bff-web/target/bff-web.jar");
	}

	@Test
	void findsAMappedFileByItsWholePath() {
		String maps = """
				800000000-800e7b000 rw-p 00001000 08:01 1234                               /w/bff-web/bff-web.aot
				7f0000000000-7f0000001000 r--p 00000000 08:01 99                           /w/bff-web/bff-web.aot.old
				""";

		assertThat(ProcFiles.mapsFile(maps, Path.of("/w/bff-web/bff-web.aot"))).isTrue();
		assertThat(ProcFiles.mapsFile(maps, Path.of("/w/bff-web/web.aot"))).isFalse();
		assertThat(ProcFiles.mapsFile(maps, Path.of("/w/order-service/order-service.aot"))).isFalse();
	}

}
