package io.hashop.images;

import java.io.ByteArrayInputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks each service's image tarball ({@code <service>/target/jib-image.tar}, written by
 * Jib during the service's build): non-root user, entrypoint with the AOT cache, exposed
 * ports matching the Kubernetes manifests, environment, and layers holding the Java
 * runtime, the app's jar and libraries (jars only), the AOT cache and the health check.
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
					"--enable-native-access=ALL-UNNAMED", "-XX:AOTCache=/app/" + service + ".aot")
			.contains("-cp", "@/app/jib-classpath-file");
		String mainClass = entrypoint.get(entrypoint.size() - 1);
		assertThat(mainClass).as("main class").startsWith("io.hashop.");

		List<ImageTarball.Layer> layers = image.layers();
		assertThat(layers).as("layers: base, libraries, the app's jar, extra files (with the AOT cache)")
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
		String appJar = "app/classpath/" + service + ".original.jar";
		assertThat(jarEntries(layers, appJar)).as("the main class and application.yml in " + appJar)
			.contains(mainClass.replace('.', '/') + ".class", "application.yml");
		assertThat(layers).as("Spring Boot in app/libs")
			.anyMatch(l -> l.has(p -> p.startsWith("app/libs/spring-boot-4") && p.endsWith(".jar")));
		assertThat(classPath(layers)).as("the class path: jars only (an AOT cache refuses directories)")
			.startsWith("/app/classpath/*")
			.allMatch(p -> p.equals("/app/classpath/*") || (p.startsWith("/app/libs/") && p.endsWith(".jar")));
		assertThat(layers).as("no exploded classes or resources (Jib's packaged mode)")
			.noneMatch(l -> l.has(p -> p.startsWith("app/classes") || p.startsWith("app/resources")));
		assertThat(layers).as("the AOT cache /app/" + service + ".aot, readable by the app's user").anyMatch(l -> {
			ImageTarball.Entry cache = l.entries().get("app/" + service + ".aot");
			return cache != null && cache.size() > 10 << 20 && (cache.mode() & 0444) == 0444;
		});
		assertThat(layers).as("/app/healthcheck.sh, executable by everyone").anyMatch(l -> {
			ImageTarball.Entry check = l.entries().get("app/healthcheck.sh");
			return check != null && (check.mode() & 0755) == 0755;
		});
		assertThat(layers.subList(1, layers.size()))
			.as("files of the app's layers owned by root (read-only to the app)")
			.allSatisfy(l -> assertThat(l.entries().values()).allMatch(e -> e.uid() == 0));
	}

	private static List<String> classPath(List<ImageTarball.Layer> layers) {
		return layers.stream()
			.map(l -> l.entries().get("app/jib-classpath-file"))
			.filter(e -> e != null && e.content() != null)
			.findFirst()
			.map(e -> List.of(new String(e.content(), StandardCharsets.UTF_8).trim().split(":")))
			.orElse(List.of());
	}

	private static Set<String> jarEntries(List<ImageTarball.Layer> layers, String path) throws IOException {
		ImageTarball.Entry jar = layers.stream()
			.map(l -> l.entries().get(path))
			.filter(e -> e != null && e.content() != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError(path + " is not in the image"));
		Set<String> names = new TreeSet<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar.content()))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				names.add(e.getName());
			}
		}
		return names;
	}

	static Path tarballOf(String service) {
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
