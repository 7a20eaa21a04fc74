package io.hashop.launcher.jdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK 21+ for the services, since the launcher itself may run on Java 17.
 */
public final class JdkLocator {

	static final int MINIMUM_FEATURE = 21;

	public static final String NONE_FOUND = "No JDK 21 or newer found: install one (for example Eclipse Temurin 21) "
			+ "or set JAVA_HOME to it.";

	private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+(?:\\.\\d+)*)",
			Pattern.MULTILINE);

	private final Path ownHome;

	private final int ownFeature;

	private final String javaHome;

	private final List<SearchRoot> roots;

	/**
	 * @param ownHome the launcher's own {@code java.home}
	 * @param ownFeature the launcher's own Java feature version
	 * @param javaHome the {@code JAVA_HOME} variable, or {@code null}
	 * @param roots where to look for installed JDKs otherwise
	 */
	JdkLocator(Path ownHome, int ownFeature, String javaHome, List<SearchRoot> roots) {
		this.ownHome = ownHome;
		this.ownFeature = ownFeature;
		this.javaHome = javaHome;
		this.roots = roots;
	}

	public static JdkLocator forThisMachine() {
		return new JdkLocator(Path.of(System.getProperty("java.home")), Runtime.version().feature(),
				System.getenv("JAVA_HOME"), SearchRoot.defaults(Path.of(System.getProperty("user.home"))));
	}

	/**
	 * The launcher's own JDK if new enough, else {@code JAVA_HOME}, else the newest
	 * installed.
	 */
	public Optional<Jdk> locate() {
		if (this.ownFeature >= MINIMUM_FEATURE && Files.isRegularFile(this.ownHome.resolve("bin/java"))) {
			return Optional.of(new Jdk(this.ownHome, versionOf(this.ownHome).orElse(List.of(this.ownFeature))));
		}
		if (this.javaHome != null && !this.javaHome.isBlank()) {
			Optional<Jdk> fromJavaHome = inspect(Path.of(this.javaHome));
			if (fromJavaHome.isPresent()) {
				return fromJavaHome;
			}
		}
		return candidates().stream().map(JdkLocator::inspect).flatMap(Optional::stream).max(Jdk.BY_VERSION);
	}

	private List<Path> candidates() {
		List<Path> candidates = new ArrayList<>();
		for (SearchRoot root : this.roots) {
			candidates.addAll(root.list());
		}
		return candidates;
	}

	/**
	 * A JDK 21+ at this directory: it has {@code bin/java} and a {@code release} file.
	 */
	static Optional<Jdk> inspect(Path home) {
		if (!Files.isRegularFile(home.resolve("bin/java"))) {
			return Optional.empty();
		}
		return versionOf(home).filter((version) -> version.get(0) >= MINIMUM_FEATURE)
			.map((version) -> new Jdk(home, version));
	}

	private static Optional<List<Integer>> versionOf(Path home) {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release)) {
			return Optional.empty();
		}
		try {
			return parseReleaseFile(Files.readString(release));
		}
		catch (IOException | UncheckedIOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The numbers of {@code JAVA_VERSION="25.0.1"}; old "1.8.0_292" gives 1, too old
	 * anyway.
	 */
	static Optional<List<Integer>> parseReleaseFile(String content) {
		Matcher matcher = JAVA_VERSION.matcher(content);
		if (!matcher.find()) {
			return Optional.empty();
		}
		List<Integer> numbers = new ArrayList<>();
		for (String part : matcher.group(1).split("\\.")) {
			numbers.add(Integer.parseInt(part));
		}
		return Optional.of(List.copyOf(numbers));
	}

	/**
	 * Directories under {@code directory} whose names start with a prefix, plus a
	 * sub-path.
	 */
	record SearchRoot(Path directory, String namePrefix, String subPath) {

		static List<SearchRoot> defaults(Path userHome) {
			return List.of(new SearchRoot(Path.of("/usr/lib/jvm"), "", ""),
					new SearchRoot(Path.of("/opt/java"), "", ""), new SearchRoot(Path.of("/opt"), "jdk", ""),
					new SearchRoot(userHome.resolve(".sdkman/candidates/java"), "", ""),
					new SearchRoot(userHome.resolve(".jdks"), "", ""),
					new SearchRoot(Path.of("/Library/Java/JavaVirtualMachines"), "", "Contents/Home"));
		}

		List<Path> list() {
			if (!Files.isDirectory(this.directory)) {
				return List.of();
			}
			try (Stream<Path> children = Files.list(this.directory)) {
				return children.filter((child) -> child.getFileName().toString().startsWith(this.namePrefix))
					.sorted()
					.map((child) -> this.subPath.isEmpty() ? child : child.resolve(this.subPath))
					.toList();
			}
			catch (IOException | UncheckedIOException ex) {
				return List.of();
			}
		}

	}

}
