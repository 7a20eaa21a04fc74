package io.hashop.launcher.jdk;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A JDK home and its version numbers, feature version first.
 *
 * @param home the JDK directory
 * @param version the numbers of its {@code JAVA_VERSION}, for example 25, 0, 1
 */
public record Jdk(Path home, List<Integer> version) {

	static final Comparator<Jdk> BY_VERSION = (a, b) -> compare(a.version, b.version);

	public Path java() {
		return this.home.resolve("bin/java");
	}

	public String versionText() {
		return String.join(".", this.version.stream().map(String::valueOf).toList());
	}

	private static int compare(List<Integer> a, List<Integer> b) {
		for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
			int difference = Integer.compare((i < a.size()) ? a.get(i) : 0, (i < b.size()) ? b.get(i) : 0);
			if (difference != 0) {
				return difference;
			}
		}
		return 0;
	}

}
