package io.hashop.bench.platform;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProxyJarTests {

	@Test
	void namesTheProxyAndItsJarWhenTheJarIsMissing(@TempDir Path repoRoot) {
		ProxyJar.Starter proxies = new ProxyJar.Starter(repoRoot, Path.of("java"), List.of(), repoRoot.resolve("logs"),
				"http://localhost:8081");

		assertThatIllegalStateException().isThrownBy(() -> proxies.start("netty-proxy", "Reactor Netty proxy", 8092))
			.withMessageStartingWith("The Reactor Netty proxy (")
			.withMessageContaining(Path.of("bench", "netty-proxy", "target", "netty-proxy.jar").toString())
			.withMessageEndingWith("is missing: build with ./mvnw -DskipTests install first.");
	}

}
