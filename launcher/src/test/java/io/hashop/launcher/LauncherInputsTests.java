package io.hashop.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LauncherInputsTests {

	@TempDir
	Path temp;

	@Test
	void requiresEveryJarAndSaysHowToBuildThem() throws IOException {
		RepoLayout layout = new RepoLayout(this.temp);
		for (ServiceSpec service : ServiceTable.SERVICES) {
			if (!service.name().equals("payment-service")) {
				Files.createDirectories(layout.jar(service).getParent());
				Files.createFile(layout.jar(service));
			}
		}
		assertThatExceptionOfType(LauncherException.class).isThrownBy(() -> layout.requireJars(ServiceTable.SERVICES))
			.withMessageContaining(Path.of("payment-service/target/payment-service.jar").toString())
			.withMessageEndingWith("Build first: ./mvnw -DskipTests install");
	}

	@Test
	void keepsLogsUnderDotPlatform() {
		RepoLayout layout = new RepoLayout(this.temp);
		assertThat(layout.log(ServiceTable.gateway())).isEqualTo(this.temp.resolve(".platform/logs/gateway.log"));
		assertThat(layout.jar(ServiceTable.gateway())).isEqualTo(this.temp.resolve("gateway/target/gateway.jar"));
	}

	@Test
	void readsPortOverrides() {
		assertThat(Ports.fromEnvironment(Map.of(), "LAUNCHER_POSTGRES_PORT", 15432)).isEqualTo(15432);
		assertThat(Ports.fromEnvironment(Map.of("LAUNCHER_POSTGRES_PORT", "25432"), "LAUNCHER_POSTGRES_PORT", 15432))
			.isEqualTo(25432);
		assertThatExceptionOfType(LauncherException.class)
			.isThrownBy(() -> Ports.fromEnvironment(Map.of("LAUNCHER_REDIS_PORT", "redis"), "LAUNCHER_REDIS_PORT", 1))
			.withMessageContaining("LAUNCHER_REDIS_PORT");
	}

	@Test
	void acceptsOnlyTheSmokeFlag() {
		assertThat(Arguments.smoke(new String[0])).isFalse();
		assertThat(Arguments.smoke(new String[] { "--smoke" })).isTrue();
		assertThatExceptionOfType(LauncherException.class).isThrownBy(() -> Arguments.smoke(new String[] { "-x" }))
			.withMessageContaining("Usage");
	}

}
