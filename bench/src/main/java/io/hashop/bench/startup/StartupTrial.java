package io.hashop.bench.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.hashop.bench.harness.Report;
import io.hashop.bench.harness.Rounds;
import io.hashop.bench.harness.ScenarioResult;
import io.hashop.bench.platform.BenchPlatform;

/**
 * Runs S10 alone on a bench platform of its own, without wrk or a signed-up shopper:
 * {@code java -cp <bench classpath> io.hashop.bench.startup.StartupTrial [module ...]
 * [--rounds N] [--warm-up-limit S]} from the repository root. Writes
 * {@code .platform/bench/startup/benchmarks-s10.md}.
 */
public final class StartupTrial {

	private StartupTrial() {
	}

	public static void main(String[] args) throws Exception {
		List<String> modules = new ArrayList<>();
		int rounds = 3;
		int warmUpLimit = 60;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				case "--warm-up-limit" -> warmUpLimit = Integer.parseInt(args[++i]);
				default -> modules.add(args[i]);
			}
		}
		Path root = Path.of("").toAbsolutePath();
		Path work = Files.createDirectories(root.resolve(".platform/bench"));
		Path startup = work.resolve("startup");
		try (BenchPlatform platform = BenchPlatform.start(root, work, BenchPlatform.PRODUCTION_JVM_OPTIONS,
				System.out)) {
			var scenario = StartupScenario.create(platform, startup,
					modules.isEmpty() ? StartupScenario.DEFAULT_SERVICES : modules);
			ScenarioResult result = new Rounds(rounds, Duration.ofSeconds(10), Duration.ofSeconds(5),
					Duration.ofSeconds(warmUpLimit), System.out)
				.run(scenario);
			Report.write(startup.resolve("benchmarks-s10.md"),
					new Report.RunInfo(Map.of("command", "StartupTrial " + String.join(" ", args))), List.of(result));
		}
	}

}
