package io.hashop.bench.harness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario: each arm warmed up until its throughput settles, then the arms
 * interleaved in rounds (each round starting with a different arm, so no arm always runs
 * first on a cooler machine).
 */
public final class Rounds {

	private final int rounds;

	private final Duration duration;

	private final Duration warmUpStep;

	private final Duration warmUpLimit;

	private final PrintStream out;

	public Rounds(int rounds, Duration duration, Duration warmUpStep, Duration warmUpLimit, PrintStream out) {
		this.rounds = rounds;
		this.duration = duration;
		this.warmUpStep = warmUpStep;
		this.warmUpLimit = warmUpLimit;
		this.out = out;
	}

	public ScenarioResult run(Scenario scenario) {
		this.out.println();
		this.out.println("== " + scenario.id() + ": " + scenario.question());
		try {
			for (Arm arm : scenario.arms()) {
				warmUp(arm);
			}
			List<Map<String, Measurement>> results = new ArrayList<>();
			List<Arm> arms = scenario.arms();
			for (int round = 0; round < this.rounds; round++) {
				Map<String, Measurement> byArm = new LinkedHashMap<>();
				for (int i = 0; i < arms.size(); i++) {
					Arm arm = arms.get((round + i) % arms.size());
					Measurement measurement = measure(arm, this.duration);
					this.out.printf("   round %d  %-24s %s%n", round + 1, arm.name(), describe(measurement));
					byArm.put(arm.name(), measurement);
				}
				results.add(byArm);
			}
			ScenarioResult result = new ScenarioResult(scenario, results, null);
			this.out.printf("   %s = %s (goal %s, round by round %s)%n", scenario.ratio().label(),
					Figures.format(result.ratio(scenario.ratio())), scenario.goal(),
					result.ratios(scenario.ratio()).stream().map(Figures::format).toList());
			return result;
		}
		catch (Exception ex) {
			this.out.println("   failed: " + ex);
			return ScenarioResult.failed(scenario, ex.toString());
		}
	}

	/** Runs short steps until two in a row agree within 5 %, or the limit is reached. */
	private void warmUp(Arm arm) throws Exception {
		if (this.warmUpLimit.isZero() || !arm.needsWarmUp()) {
			return;
		}
		long deadline = System.nanoTime() + this.warmUpLimit.toNanos();
		double previous = -1;
		int steps = 0;
		while (System.nanoTime() < deadline) {
			Measurement step = measure(arm, this.warmUpStep);
			steps++;
			double current = step.figures().getOrDefault(Measurement.THROUGHPUT, 0.0);
			if (previous > 0 && Math.abs(current - previous) <= 0.05 * previous) {
				break;
			}
			previous = current;
		}
		this.out.printf("   warm-up  %-24s %d steps of %d s%n", arm.name(), steps, this.warmUpStep.toSeconds());
	}

	private static Measurement measure(Arm arm, Duration duration) throws Exception {
		arm.before();
		try {
			return arm.run(duration);
		}
		finally {
			arm.after();
		}
	}

	private static String describe(Measurement measurement) {
		StringBuilder text = new StringBuilder();
		measurement.figures()
			.forEach((name, value) -> text.append(name).append(' ').append(Figures.format(value)).append("  "));
		if (measurement.failures() > 0) {
			text.append("failures ").append(measurement.failures());
		}
		return text.toString().trim();
	}

}
