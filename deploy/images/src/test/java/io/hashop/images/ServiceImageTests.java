package io.hashop.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks each service's image tarball ({@code <service>/target/jib-image.tar}, written by
 * Jib during the service's {@code package}): non-root user, entrypoint, exposed ports
 * matching the Kubernetes manifests, environment, and layers holding the Java runtime,
 * the app's classes and libraries and the health check.
 */
class ServiceImageTests {

	private static final Path ROOT = Path.of(System.getProperty("hashop.root", "../..")).toAbsolutePath().normalize();

	private static final Pattern CONTAINER_PORT = Pattern.compile("containerPort:\\s*(\\d+)");

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "bff-web", "user-service", "order-service", "payment-service" })
	void imageRunsTheServiceAsNonRootWithItsPortsAndLayers(String service) throws IOException {
		ImageTarball image = ImageTarball.read(tarballOf(service));
		Map<String, Object> config = image.containerConfig();

		assertThat(config.get("User")).as("User").isEqualTo("10001:10001");
		assertThat(image.manifest().get("RepoTags")).as("RepoTags")
			.isEqualTo(List.of("ghcr.io/hashop/" + service + ":" + System.getProperty("hashop.version")));
		assertThat(((Map<?, ?>) config.get("ExposedPorts")).keySet()).as("ExposedPorts")
			.isEqualTo(containerPorts(service).stream().map(p -> p + "/tcp").collect(Collectors.toSet()));
		assertThat(config.get("Env")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.as("Env")
			.contains("JAVA_HOME=/opt/java", "HOME=/tmp")
			.anySatisfy(env -> assertThat((String) env).startsWith("PATH=/opt/java/bin:"));

		@SuppressWarnings("unchecked")
		List<String> entrypoint = (List<String>) config.get("Entrypoint");
		assertThat(entrypoint).as("Entrypoint")
			.startsWith("java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
					"--enable-native-access=ALL-UNNAMED")
			.contains("-cp", "@/app/jib-classpath-file");
		String mainClass = entrypoint.get(entrypoint.size() - 1);
		assertThat(mainClass).as("main class").startsWith("io.hashop.");

		List<ImageTarball.Layer> layers = image.layers();
		assertThat(layers).as("layers: base, libraries, resources, classes, extra files")
			.hasSizeGreaterThanOrEqualTo(4);
		assertThat(((Map<?, ?>) image.config().get("rootfs")).get("diff_ids"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(layers.size());
		assertThat(layers).as("a Java runtime").anyMatch(l -> l.has("opt/java/bin/java"::equals));
		assertThat(layers).as("user app (10001) in /etc/passwd").anyMatch(l -> {
			ImageTarball.Entry passwd = l.entries().get("etc/passwd");
			return passwd != null
					&& new String(passwd.content(), StandardCharsets.UTF_8).contains("\napp:x:10001:10001:");
		});
		assertThat(layers).as("the main class " + mainClass)
			.anyMatch(l -> l.has(("app/classes/" + mainClass.replace('.', '/') + ".class")::equals));
		assertThat(layers).as("application.yml").anyMatch(l -> l.has("app/resources/application.yml"::equals));
		assertThat(layers).as("Spring Boot in app/libs")
			.anyMatch(l -> l.has(p -> p.startsWith("app/libs/spring-boot-4") && p.endsWith(".jar")));
		assertThat(layers).as("the class path file").anyMatch(l -> l.has("app/jib-classpath-file"::equals));
		assertThat(layers).as("/app/healthcheck.sh, executable by everyone").anyMatch(l -> {
			ImageTarball.Entry check = l.entries().get("app/healthcheck.sh");
			return check != null && (check.mode() & 0755) == 0755;
		});
		assertThat(layers.subList(1, layers.size()))
			.as("files of the app's layers owned by root (read-only to the app)")
			.allSatisfy(l -> assertThat(l.entries().values()).allMatch(e -> e.uid() == 0));
	}

	private static Path tarballOf(String service) {
		Path tar = ROOT.resolve(service).resolve("target/jib-image.tar");
		if (!Files.isRegularFile(tar)) {
			if ("true".equals(System.getenv("CI"))) {
				fail("%s is missing: CI must build every service image (./mvnw verify as root with mmdebstrap)", tar);
			}
			Assumptions.abort("No image tarball at " + tar
					+ ": the images are built where deploy/images/base-image.sh can run (root with mmdebstrap, as in CI), so this check is skipped here.");
		}
		return tar;
	}

	private static Set<Integer> containerPorts(String service) throws IOException {
		String manifest = Files.readString(ROOT.resolve("deploy/k8s/base/" + service + ".yaml"));
		Set<Integer> ports = new TreeSet<>();
		Matcher m = CONTAINER_PORT.matcher(manifest);
		while (m.find()) {
			ports.add(Integer.parseInt(m.group(1)));
		}
		return ports;
	}

}
