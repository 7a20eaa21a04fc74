package io.hashop.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.hashop.launcher.infrastructure.Infrastructure;
import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.Ports;
import io.hashop.launcher.service.RepoLayout;
import io.hashop.launcher.service.ServiceSpec;
import io.hashop.launcher.service.ServiceTable;
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
	void runsTwoOfEveryServiceBehindOneGatewayByDefault() {
		Arguments arguments = Arguments.parse(new String[0]);
		assertThat(arguments.smoke()).isFalse();
		assertThat(arguments.replicas()).containsEntry("bff-web", 2)
			.containsEntry("user-service", 2)
			.containsEntry("order-service", 2)
			.containsEntry("payment-service", 2)
			.containsEntry("gateway", 1);
	}

	@Test
	void replicasApplyToEveryServiceButTheGatewayAndCanBeOverriddenPerService() {
		Arguments arguments = Arguments
			.parse(new String[] { "--smoke", "--replicas", "1", "--replicas", "bff-web=3", "--replicas", "gateway=2" });
		assertThat(arguments.smoke()).isTrue();
		assertThat(arguments.replicas()).containsEntry("bff-web", 3)
			.containsEntry("user-service", 1)
			.containsEntry("payment-service", 1)
			.containsEntry("gateway", 2);
	}

	@Test
	void runsRedisWithSentinelOnlyWhenAsked() {
		assertThat(Arguments.parse(new String[0]).redisSentinel()).isFalse();
		assertThat(Arguments.parse(new String[] { "--redis-sentinel", "--smoke" }).redisSentinel()).isTrue();
		assertThat(Arguments.parse(new String[0]).monitoring()).isFalse();
		assertThat(Arguments.parse(new String[] { "--monitoring" }).monitoring()).isTrue();
	}

	@Test
	void rejectsUnknownArgumentsServicesAndCounts() {
		assertThatExceptionOfType(LauncherException.class).isThrownBy(() -> Arguments.parse(new String[] { "-x" }))
			.withMessageContaining("Usage");
		assertThatExceptionOfType(LauncherException.class)
			.isThrownBy(() -> Arguments.parse(new String[] { "--replicas", "cart=2" }))
			.withMessageContaining("Unknown service 'cart'");
		assertThatExceptionOfType(LauncherException.class)
			.isThrownBy(() -> Arguments.parse(new String[] { "--replicas", "0" }))
			.withMessageContaining("from 1 to 9");
		assertThatExceptionOfType(LauncherException.class)
			.isThrownBy(() -> Arguments.parse(new String[] { "--replicas" }))
			.withMessageContaining("--replicas needs");
	}

	@Test
	void aTakenPortFailsInOneSentenceNamingIt() throws IOException {
		try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
			assertThatExceptionOfType(LauncherException.class)
				.isThrownBy(() -> Infrastructure
					.requireFreePorts(Map.of("LAUNCHER_REDIS_PORT", String.valueOf(taken.getLocalPort()),
							"DATABASE_HOST", "db", "KAFKA_BOOTSTRAP_SERVERS", "k:9092", "SMTP_HOST", "mail"), false))
				.withMessage(
						"Port " + taken.getLocalPort() + " (Redis) is already in use: is an earlier run still going?");
		}
	}

}
