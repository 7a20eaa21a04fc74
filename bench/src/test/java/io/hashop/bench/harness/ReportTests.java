package io.hashop.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	@TempDir
	Path temp;

	@Test
	void writesTheRowsBetweenTheMarkersAndKeepsTheTextAroundThem() throws Exception {
		Path file = this.temp.resolve("benchmarks.md");
		Files.writeString(file, "# Benchmarks\n\nBefore.\n\n" + Report.BEGIN + "\nold\n" + Report.END + "\n\nAfter.\n");
		Scenario scenario = new Scenario("S1", "a ÷ b", new Ratio("a ÷ b req/s", "a", "b", Measurement.THROUGHPUT),
				Goal.atLeast(0.75), List.of(arm("a"), arm("b")));
		ScenarioResult result = new ScenarioResult(scenario, List.of(Map.of("a", rps(80), "b", rps(100)),
				Map.of("a", rps(70), "b", rps(100)), Map.of("a", rps(90), "b", rps(100))), null);

		Report.write(file, new Report.RunInfo(Map.of("command", "`./bench.sh S1`")), List.of(result));

		String text = Files.readString(file);
		assertThat(text).startsWith("# Benchmarks\n\nBefore.").endsWith("After.\n").doesNotContain("old");
		assertThat(text).contains("| S1 | a ÷ b req/s | ≥ 0.75 | 0.80 | yes |");
		assertThat(text).contains("| command | `./bench.sh S1` |");
	}

	@Test
	void interleavesTheArmsAndStartsEachRoundWithAnotherOne() {
		StringBuilder order = new StringBuilder();
		Arm a = new RecordingArm("a", order);
		Arm b = new RecordingArm("b", order);
		Scenario scenario = new Scenario("S0", "a ÷ b", new Ratio("a ÷ b", "a", "b", Measurement.THROUGHPUT),
				Goal.atMost(2), List.of(a, b));

		ScenarioResult result = new Rounds(3, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO,
				new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
			.run(scenario);

		assertThat(order).hasToString("ab" + "ba" + "ab");
		assertThat(result.ratio(scenario.ratio())).isEqualTo(1.0);
		assertThat(result.goalMet()).isTrue();
	}

	private static Measurement rps(double value) {
		return new Measurement(Map.of(Measurement.THROUGHPUT, value), 0);
	}

	private static Arm arm(String name) {
		return new RecordingArm(name, new StringBuilder());
	}

	private record RecordingArm(String name, StringBuilder order) implements Arm {

		@Override
		public Measurement run(Duration duration) {
			this.order.append(this.name);
			return rps(10);
		}

		@Override
		public String description() {
			return "arm " + this.name;
		}

	}

}
