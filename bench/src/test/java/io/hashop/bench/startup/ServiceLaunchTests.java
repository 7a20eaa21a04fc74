package io.hashop.bench.startup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServiceLaunchTests {

	private static final Path ROOT = Path.of("/repo");

	@Test
	void readsTheJdkTheOptionsAndTheJarOfALauncherCommandLine() {
		ServiceLaunch launch = ServiceLaunch.parse("bff-web",
				List.of("/jdk/bin/java", "-XX:MaxRAM=768m", "-Xshare:auto", "-jar", "bff-web/target/bff-web.jar"), ROOT,
				Map.of("SERVER_PORT", "8081"));

		assertThat(launch.java()).isEqualTo(Path.of("/jdk/bin/java"));
		assertThat(launch.jvmOptions()).containsExactly("-XX:MaxRAM=768m", "-Xshare:auto");
		assertThat(launch.jar()).isEqualTo(Path.of("/repo/bff-web/target/bff-web.jar"));
		assertThat(launch.directory()).isEqualTo(ROOT);
	}

	@Test
	void refusesACommandLineThatIsNotAJar() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceLaunch.parse("bff-web",
				List.of("/jdk/bin/java", "-cp", "x.jar", "io.hashop.bff.BffApplication"), ROOT, Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceLaunch.parse("bff-web",
				List.of("/jdk/bin/java", "-jar", "a.jar", "--debug"), ROOT, Map.of()));
	}

	@Test
	void movesAnExtraInstanceToOtherPortsAndKeepsTheRestOfTheEnvironment() {
		ServiceLaunch orders = launch("order-service", Map.of("SERVER_PORT", "8083", "MANAGEMENT_PORT", "9183",
				"GRPC_PORT", "9093", "DATABASE_NAME", "orders", "KAFKA_BOOTSTRAP_SERVERS", "localhost:40001"));

		assertThat(orders.environmentOn(new ServiceLaunch.Ports(41001, 41002, 41003)))
			.containsEntry("SERVER_PORT", "41001")
			.containsEntry("MANAGEMENT_PORT", "41002")
			.containsEntry("GRPC_PORT", "41003")
			.containsEntry("DATABASE_NAME", "orders")
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:40001");
	}

	@Test
	void givesAGrpcPortOnlyToAServiceThatHasOne() {
		ServiceLaunch bff = launch("bff-web", Map.of("SERVER_PORT", "8081", "MANAGEMENT_PORT", "9181"));

		assertThat(bff.environmentOn(new ServiceLaunch.Ports(41001, 41002, 41003))).doesNotContainKey("GRPC_PORT")
			.containsEntry("SERVER_PORT", "41001");
	}

	@Test
	void readsTheFeatureReleaseFromAJdkReleaseFile() {
		assertThat(ServiceLaunch.featureVersion("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n"))
			.isEqualTo(25);
		assertThat(ServiceLaunch.featureVersion("JAVA_VERSION=\"21\"\n")).isEqualTo(21);
		assertThat(ServiceLaunch.featureVersion("JAVA_VERSION=\"24-ea\"\n")).isEqualTo(24);
		assertThat(ServiceLaunch.featureVersion("JAVA_VERSION=\"1.8.0_402\"\n")).isEqualTo(8);
	}

	private static ServiceLaunch launch(String module, Map<String, String> environment) {
		return ServiceLaunch.parse(module, List.of("/jdk/bin/java", "-jar", module + "/target/" + module + ".jar"),
				ROOT, environment);
	}

}
