package io.hashop.bench.startup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class SpringAotProcessingTests {

	@TempDir
	Path work;

	@Test
	void runsSpringBootsAotProcessorOnTheExtractedJar() {
		ServiceFiles files = ServiceFiles.in(Path.of("/w"), "bff-web");
		assertThat(SpringAotProcessing.processCommand(Path.of("/jdk/bin/java"), files, "io.hashop.bff.BffApplication"))
			.containsExactly("/jdk/bin/java", "-cp", "/w/bff-web/extracted/bff-web.jar",
					"org.springframework.boot.SpringApplicationAotProcessor", "io.hashop.bff.BffApplication",
					"/w/bff-web/spring-aot/sources", "/w/bff-web/spring-aot/resources", "/w/bff-web/spring-aot/classes",
					"io.hashop", "bff-web");
	}

	@Test
	void compilesEveryGeneratedSourceAgainstTheExtractedJar() throws IOException {
		ServiceFiles files = ServiceFiles.in(this.work, "bff-web");
		Path source = files.springAot().resolve("sources/io/hashop/bff/BffApplication__BeanDefinitions.java");
		Files.createDirectories(source.getParent());
		Files.writeString(source, "class X {}");
		Files.writeString(source.resolveSibling("README.txt"), "not a source");
		List<String> command = SpringAotProcessing.compileCommand(Path.of("/jdk/bin/java"), files);
		assertThat(command).startsWith("/jdk/bin/javac", "-d", files.springAot().resolve("classes").toString(), "-cp",
				files.extractedJar() + java.io.File.pathSeparator + files.springAot().resolve("classes"));
		Path list = files.springAot().resolve("sources.txt");
		assertThat(command).endsWith("@" + list);
		assertThat(Files.readAllLines(list)).containsExactly(source.toString());
	}

	@Test
	void packsTheGeneratedClassesAndResourcesIntoAJarThatStartsTheApplicationOnTheExtractedJar() throws IOException {
		ServiceFiles files = ServiceFiles.in(this.work, "bff-web");
		write(files.springAot().resolve("classes/io/hashop/bff/BffApplication__BeanDefinitions.class"), "class");
		write(files.springAot().resolve("resources/META-INF/native-image/reflect-config.json"), "[]");
		SpringAotProcessing.writeJar(files, "io.hashop.bff.BffApplication");
		try (JarFile jar = new JarFile(files.springAotJar().toFile())) {
			Attributes main = jar.getManifest().getMainAttributes();
			assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("io.hashop.bff.BffApplication");
			assertThat(main.getValue(Attributes.Name.CLASS_PATH)).isEqualTo("extracted/bff-web.jar");
			assertThat(jar.getEntry("io/hashop/bff/BffApplication__BeanDefinitions.class")).isNotNull();
			assertThat(jar.getEntry("META-INF/native-image/reflect-config.json")).isNotNull();
		}
	}

	@Test
	void readsTheMainClassFromTheExtractedJarAndSaysWhenThereIsNone() throws IOException {
		ServiceFiles files = ServiceFiles.in(this.work, "bff-web");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.hashop.bff.BffApplication");
		writeJar(files.extractedJar(), manifest);
		assertThat(SpringAotProcessing.mainClass(files)).isEqualTo("io.hashop.bff.BffApplication");
		manifest.getMainAttributes().remove(Attributes.Name.MAIN_CLASS);
		writeJar(files.extractedJar(), manifest);
		assertThatIOException().isThrownBy(() -> SpringAotProcessing.mainClass(files))
			.withMessageContaining("names no Main-Class");
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private static void writeJar(Path jar, Manifest manifest) throws IOException {
		Files.createDirectories(jar.getParent());
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream ignored = new JarOutputStream(out, manifest)) {
			// A manifest and nothing else.
		}
	}

}
