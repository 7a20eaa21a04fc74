package io.hashop.launcher.jdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JdkLocatorTests {

	@TempDir
	Path temp;

	@Test
	void parsesFeatureVersionsFromReleaseFiles() {
		assertThat(JdkLocator.parseReleaseFile("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n"))
			.contains(List.of(25, 0, 1));
		assertThat(JdkLocator.parseReleaseFile("JAVA_VERSION=\"21\"")).contains(List.of(21));
		assertThat(JdkLocator.parseReleaseFile("JAVA_VERSION=\"17.0.15\"")).contains(List.of(17, 0, 15));
		assertThat(JdkLocator.parseReleaseFile("JAVA_VERSION=\"1.8.0_292\"")).contains(List.of(1, 8, 0));
	}

	@Test
	void ignoresOtherVersionKeysAndGarbage() {
		assertThat(JdkLocator.parseReleaseFile("JAVA_RUNTIME_VERSION=\"25.0.1+8-LTS\"")).isEmpty();
		assertThat(JdkLocator.parseReleaseFile("JAVA_VERSION=\"unknown\"")).isEmpty();
		assertThat(JdkLocator.parseReleaseFile("")).isEmpty();
	}

	@Test
	void choosesTheNewestScannedJdk() throws IOException {
		Path jvm = this.temp.resolve("jvm");
		jdk(jvm.resolve("jdk-17"), "17.0.15");
		jdk(jvm.resolve("jdk-21"), "21.0.5");
		jdk(jvm.resolve("jdk-25"), "25.0.1");
		jdk(jvm.resolve("jdk-25-old"), "25");
		assertThat(scanning(root(jvm)).locate()).hasValueSatisfying((jdk) -> {
			assertThat(jdk.home()).isEqualTo(jvm.resolve("jdk-25"));
			assertThat(jdk.versionText()).isEqualTo("25.0.1");
			assertThat(jdk.java()).isEqualTo(jvm.resolve("jdk-25/bin/java"));
		});
	}

	@Test
	void skipsDirectoriesWithoutJavaOrReleaseFile() throws IOException {
		Path jvm = this.temp.resolve("jvm");
		jdk(jvm.resolve("jdk-21"), "21");
		Files.createDirectories(jvm.resolve("no-java"));
		Files.writeString(jvm.resolve("no-java/release"), "JAVA_VERSION=\"26\"");
		Files.createDirectories(jvm.resolve("no-release/bin"));
		Files.createFile(jvm.resolve("no-release/bin/java"));
		assertThat(scanning(root(jvm)).locate())
			.hasValueSatisfying((jdk) -> assertThat(jdk.home()).isEqualTo(jvm.resolve("jdk-21")));
	}

	@Test
	void honoursNamePrefixAndSubPath() throws IOException {
		Path opt = this.temp.resolve("opt");
		jdk(opt.resolve("jdk-22"), "22");
		jdk(opt.resolve("other-26"), "26");
		Path mac = this.temp.resolve("JavaVirtualMachines");
		jdk(mac.resolve("temurin-23.jdk/Contents/Home"), "23.0.2");
		JdkLocator locator = scanning(new JdkLocator.SearchRoot(opt, "jdk", ""),
				new JdkLocator.SearchRoot(mac, "", "Contents/Home"));
		assertThat(locator.locate())
			.hasValueSatisfying((jdk) -> assertThat(jdk.home()).isEqualTo(mac.resolve("temurin-23.jdk/Contents/Home")));
	}

	@Test
	void prefersItsOwnJdkWhenNewEnough() throws IOException {
		Path own = jdk(this.temp.resolve("own"), "21.0.2");
		Path jvm = this.temp.resolve("jvm");
		jdk(jvm.resolve("jdk-25"), "25");
		JdkLocator locator = new JdkLocator(own, 21, null, List.of(root(jvm)));
		assertThat(locator.locate()).hasValueSatisfying((jdk) -> assertThat(jdk.home()).isEqualTo(own));
	}

	@Test
	void prefersJavaHomeOverScanningWhenNewEnough() throws IOException {
		Path own = jdk(this.temp.resolve("own"), "17.0.15");
		Path javaHome = jdk(this.temp.resolve("java-home"), "21");
		Path jvm = this.temp.resolve("jvm");
		jdk(jvm.resolve("jdk-25"), "25");
		JdkLocator locator = new JdkLocator(own, 17, javaHome.toString(), List.of(root(jvm)));
		assertThat(locator.locate()).hasValueSatisfying((jdk) -> assertThat(jdk.home()).isEqualTo(javaHome));
	}

	@Test
	void scansWhenJavaHomeIsTooOld() throws IOException {
		Path own = jdk(this.temp.resolve("own"), "17.0.15");
		Path jvm = this.temp.resolve("jvm");
		jdk(jvm.resolve("jdk-25"), "25");
		JdkLocator locator = new JdkLocator(own, 17, own.toString(), List.of(root(jvm)));
		assertThat(locator.locate())
			.hasValueSatisfying((jdk) -> assertThat(jdk.home()).isEqualTo(jvm.resolve("jdk-25")));
	}

	@Test
	void findsNothingWhenOnlyOldOrMissingJdksExist() throws IOException {
		Path own = jdk(this.temp.resolve("own"), "17.0.15");
		Path jvm = this.temp.resolve("jvm");
		jdk(jvm.resolve("jdk-17"), "17.0.15");
		jdk(jvm.resolve("jdk-8"), "1.8.0_292");
		JdkLocator locator = new JdkLocator(own, 17, this.temp.resolve("missing").toString(),
				List.of(root(jvm), root(this.temp.resolve("nowhere"))));
		assertThat(locator.locate()).isEmpty();
		assertThat(JdkLocator.NONE_FOUND).isEqualTo(
				"No JDK 21 or newer found: install one " + "(for example Eclipse Temurin 21) or set JAVA_HOME to it.");
	}

	@Test
	void defaultRootsCoverTheUsualPlaces() {
		Path home = Path.of("/home/dev");
		assertThat(JdkLocator.SearchRoot.defaults(home)).contains(
				new JdkLocator.SearchRoot(Path.of("/usr/lib/jvm"), "", ""),
				new JdkLocator.SearchRoot(Path.of("/opt"), "jdk", ""),
				new JdkLocator.SearchRoot(home.resolve(".sdkman/candidates/java"), "", ""),
				new JdkLocator.SearchRoot(Path.of("/Library/Java/JavaVirtualMachines"), "", "Contents/Home"));
	}

	private JdkLocator scanning(JdkLocator.SearchRoot... roots) throws IOException {
		Path own = jdk(this.temp.resolve("own-17"), "17.0.15");
		return new JdkLocator(own, 17, null, List.of(roots));
	}

	private static JdkLocator.SearchRoot root(Path directory) {
		return new JdkLocator.SearchRoot(directory, "", "");
	}

	private static Path jdk(Path home, String version) throws IOException {
		Files.createDirectories(home.resolve("bin"));
		Files.createFile(home.resolve("bin/java"));
		Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
		return home;
	}

}
