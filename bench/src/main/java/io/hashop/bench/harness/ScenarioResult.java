package io.hashop.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every round of one scenario, and the medians, spreads and ratios drawn from them. */
public record ScenarioResult(Scenario scenario, List<Map<String, Measurement>> rounds, String failure) {

	public static ScenarioResult failed(Scenario scenario, String why) {
		return new ScenarioResult(scenario, List.of(), why);
	}

	public boolean hasFailed() {
		return this.failure != null;
	}

	/** The median of each figure of each arm over the rounds. */
	public Map<String, Measurement> medians() {
		Map<String, Measurement> medians = new LinkedHashMap<>();
		for (Arm arm : this.scenario.arms()) {
			Map<String, Double> figures = new LinkedHashMap<>();
			for (String figure : this.rounds.get(0).get(arm.name()).figures().keySet()) {
				figures.put(figure, Figures.median(values(arm.name(), figure)));
			}
			long failures = this.rounds.stream().mapToLong((round) -> round.get(arm.name()).failures()).sum();
			medians.put(arm.name(), new Measurement(figures, failures));
		}
		return medians;
	}

	/** One figure of one arm, round by round. */
	public List<Double> values(String arm, String figure) {
		List<Double> values = new ArrayList<>();
		this.rounds.forEach((round) -> values.add(round.get(arm).figure(figure)));
		return values;
	}

	/** The ratio of each round. */
	public List<Double> ratios(Ratio ratio) {
		List<Double> ratios = new ArrayList<>();
		this.rounds.forEach((round) -> ratios.add(ratio.of(round)));
		return ratios;
	}

	/** The ratio of the medians. */
	public double ratio(Ratio ratio) {
		return ratio.of(medians());
	}

	public boolean goalMet() {
		return !hasFailed() && this.scenario.goal().isMetBy(ratio(this.scenario.ratio()));
	}

}
