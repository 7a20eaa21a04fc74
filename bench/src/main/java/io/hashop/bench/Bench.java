package io.hashop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.bench.harness.Report;
import io.hashop.bench.harness.Rounds;
import io.hashop.bench.harness.Scenario;
import io.hashop.bench.harness.ScenarioResult;
import io.hashop.bench.load.Wrk;
import io.hashop.bench.platform.BenchPlatform;
import io.hashop.bench.platform.Shopper;
import io.hashop.bench.scenarios.Scenarios;
import io.hashop.launcher.LocalPlatform;

/**
 * {@code ./bench.sh}: starts the platform with the images' JVM options, runs the chosen
 * scenarios' arms interleaved and writes {@code docs/benchmarks.md}. See
 * {@link BenchOptions} for the arguments.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Path root = Path.of("").toAbsolutePath();
		Path work = Files.createDirectories(root.resolve(".platform/bench"));
		PrintStream out = System.out;
		List<String> jvmOptions = options.launcherFlags() ? LocalPlatform.LAUNCHER_JVM_OPTIONS
				: BenchPlatform.PRODUCTION_JVM_OPTIONS;
		Wrk wrk = Wrk.locate(work);
		out.println("Starting the platform with " + String.join(" ", jvmOptions));
		try (BenchPlatform platform = BenchPlatform.start(root, work, jvmOptions, out)) {
			Shopper shopper = Shopper.signUp(platform.bffUrl());
			Rounds rounds = new Rounds(options.rounds(), options.duration(), Duration.ofSeconds(5),
					options.warmUpLimit(), out);
			List<ScenarioResult> results = new ArrayList<>();
			for (String id : options.scenarios()) {
				Scenario scenario;
				try {
					scenario = Scenarios.create(id, platform, wrk, shopper, work);
				}
				catch (RuntimeException ex) {
					out.println("== " + id + " not run: " + ex.getMessage());
					continue;
				}
				results.add(rounds.run(scenario));
			}
			Path report = options.smoke() ? work.resolve("benchmarks-smoke.md") : root.resolve("docs/benchmarks.md");
			Report.write(report, runInfo(options, jvmOptions, args), results);
			out.println();
			out.println("Report: " + root.relativize(report));
			if (results.stream().anyMatch(ScenarioResult::hasFailed)) {
				System.exit(1);
			}
		}
	}

	private static Report.RunInfo runInfo(BenchOptions options, List<String> jvmOptions, String[] args) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("command", "`./bench.sh" + (args.length > 0 ? " " + String.join(" ", args) : "") + "`");
		facts.put("date",
				ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
		facts.put("machine", Runtime.getRuntime().availableProcessors() + " CPUs, " + memoryGiB() + " GiB memory, "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version"));
		facts.put("services' JVM options", "`" + String.join(" ", jvmOptions) + "`");
		facts.put("load generator", "wrk (Debian), 2 threads; connections per scenario below");
		facts.put("rounds",
				options.rounds() + " rounds of " + options.duration().toSeconds()
						+ " s per arm, arms interleaved, after a warm-up of up to " + options.warmUpLimit().toSeconds()
						+ " s per arm (5 s steps until two agree within 5 %)");
		facts.put("figures", "medians over the rounds; spread = (max - min) / median");
		return new Report.RunInfo(facts);
	}

	private static String memoryGiB() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
				if (line.startsWith("MemTotal:")) {
					long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return String.format(java.util.Locale.ROOT, "%.1f", kib / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException ex) {
			// Unknown memory is reported as such.
		}
		return "?";
	}

}
