package io.hashop.system.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.hashop.bench.harness.Goal;
import io.hashop.bench.harness.Measurement;
import io.hashop.bench.harness.Ratio;
import io.hashop.bench.harness.Report;
import io.hashop.bench.harness.Rounds;
import io.hashop.bench.harness.Scenario;
import io.hashop.bench.harness.ScenarioResult;
import io.hashop.bench.load.Tools;
import io.hashop.bench.load.Wrk;
import io.hashop.bench.load.WrkArm;
import io.hashop.bench.platform.Nginx;
import io.hashop.system.support.SystemUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The benchmark harness in about ten seconds: wrk and nginx found (or installed), two
 * arms interleaved over the shared platform's BFF, a ratio, a report. The gateway is left
 * out: its rate limits would count this load against the other suites' client address.
 */
class BenchSmokeIntegrationTests {

	@Test
	void measuresTwoArmsSideBySideAndWritesTheReport() throws Exception {
		// The tools first: outside CI, a missing one skips the test before the platform
		// starts.
		Path work = Files.createDirectories(Path.of("target/bench-smoke"));
		Wrk wrk = locateWrk(work);
		SystemUnderTest system = SystemUnderTest.shared();
		int bff = system.platform().process("bff-web").serverPort();
		try (Nginx nginx = Nginx.start(work.resolve("nginx"), 8089, "127.0.0.1:" + bff)) {
			Scenario scenario = new Scenario("S1", "nginx ÷ direct, smoke",
					new Ratio("nginx ÷ direct req/s", "nginx", "direct", Measurement.THROUGHPUT), Goal.atLeast(0.01),
					List.of(new WrkArm("direct", "GET /api/products on the BFF", wrk,
							Wrk.Load.get("http://localhost:" + bff + "/api/products", 4)),
							new WrkArm("nginx", "the same through nginx", wrk,
									Wrk.Load.get(nginx.url() + "/api/products", 4))));

			ScenarioResult result = new Rounds(2, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO,
					new PrintStream(System.out))
				.run(scenario);
			Path report = work.resolve("benchmarks.md");
			Report.write(report, new Report.RunInfo(Map.of("command", "smoke")), List.of(result));

			assertThat(result.hasFailed()).as(result.failure()).isFalse();
			assertThat(result.medians().get("direct").figure(Measurement.THROUGHPUT)).isPositive();
			assertThat(result.medians().get("nginx").failures()).isZero();
			assertThat(result.ratio(scenario.ratio())).isPositive();
			assertThat(Files.readString(report)).contains("| S1 | nginx ÷ direct req/s | ≥ 0.01 |");
		}
	}

	/**
	 * wrk and nginx are installed when running as root (CI); elsewhere skipped if
	 * missing.
	 */
	private static Wrk locateWrk(Path work) {
		try {
			Tools.require("nginx", "nginx-light");
			return Wrk.locate(work);
		}
		catch (IllegalStateException ex) {
			if ("true".equals(System.getenv("CI"))) {
				throw ex;
			}
			abort("The benchmark smoke test needs wrk: " + ex.getMessage());
			return null;
		}
	}

}
