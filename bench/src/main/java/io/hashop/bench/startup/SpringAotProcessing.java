package io.hashop.bench.startup;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Spring's AOT processing of a service, done here rather than in the build: what
 * {@code spring-boot:process-aot} would add to the jar, so that S10 can price it without
 * every build paying for it. It runs Spring Boot's {@code SpringApplicationAotProcessor}
 * on the extracted jar in the service's own environment (the bean graph is fixed by the
 * conditions as they evaluate there, as they would at build time), compiles the generated
 * sources with the same JDK's {@code javac}, and writes a jar of the generated classes
 * and resources whose manifest starts the application with the extracted jar on its class
 * path. {@code java -Dspring.aot.enabled=true -jar <module>-spring-aot.jar} then runs the
 * service from the generated bean definitions.
 */
final class SpringAotProcessing {

	private static final String PROCESSOR = "org.springframework.boot.SpringApplicationAotProcessor";

	private static final String GROUP_ID = "io.hashop";

	private SpringAotProcessing() {
	}

	/** Whether the JDK that runs the services can compile (a JDK, not a runtime). */
	static boolean available(Path java) {
		return Files.isExecutable(javac(java));
	}

	/**
	 * Spring Boot's AOT processor on the extracted jar, writing sources, resources and
	 * classes under {@link ServiceFiles#springAot()}.
	 */
	static List<String> processCommand(Path java, ServiceFiles files, String mainClass) {
		Path output = files.springAot();
		return List.of(java.toString(), "-cp", files.extractedJar().toString(), PROCESSOR, mainClass,
				output.resolve("sources").toString(), output.resolve("resources").toString(),
				output.resolve("classes").toString(), GROUP_ID, files.module());
	}

	/** {@code javac} over every generated source, the extracted jar on the class path. */
	static List<String> compileCommand(Path java, ServiceFiles files) throws IOException {
		Path output = files.springAot();
		Path sources = output.resolve("sources");
		Path list = output.resolve("sources.txt");
		try (Stream<Path> walk = Files.walk(sources)) {
			Files.write(list, walk.filter((path) -> path.toString().endsWith(".java")).map(Path::toString).toList());
		}
		Path classes = output.resolve("classes");
		return List.of(javac(java).toString(), "-d", classes.toString(), "-cp",
				files.extractedJar() + File.pathSeparator + classes, "-proc:none", "-nowarn", "@" + list);
	}

	/** The main class the extracted jar's manifest names. */
	static String mainClass(ServiceFiles files) throws IOException {
		try (JarFile jar = new JarFile(files.extractedJar().toFile())) {
			String main = jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
			if (main == null) {
				throw new IOException(files.extractedJar() + " names no Main-Class");
			}
			return main;
		}
	}

	/**
	 * The generated classes and resources as one jar that starts {@code mainClass} with
	 * the extracted jar (and through its manifest, its libraries) on the class path. A
	 * jar, not directories: the JVM maps an AOT cache only for a class path of jars.
	 */
	static void writeJar(ServiceFiles files, String mainClass) throws IOException {
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.put(Attributes.Name.MAIN_CLASS, mainClass);
		attributes.put(Attributes.Name.CLASS_PATH,
				files.springAotJar().getParent().relativize(files.extractedJar()).toString());
		try (OutputStream out = Files.newOutputStream(files.springAotJar());
				JarOutputStream jar = new JarOutputStream(out, manifest)) {
			for (String tree : List.of("classes", "resources")) {
				Path root = files.springAot().resolve(tree);
				for (Path file : filesUnder(root)) {
					jar.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
					Files.copy(file, jar);
					jar.closeEntry();
				}
			}
		}
	}

	private static List<Path> filesUnder(Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

	/** The {@code javac} beside the real {@code java} (not beside a symbolic link). */
	private static Path javac(Path java) {
		try {
			return java.toRealPath().resolveSibling("javac");
		}
		catch (IOException ex) {
			return java.resolveSibling("javac");
		}
	}

}
