package io.hashop.bench.harness;

import java.util.List;

/**
 * One row of the benchmark table: arms measured side by side, the ratio that answers the
 * scenario's question, and the goal that ratio must reach. Further ratios are printed
 * without a goal.
 */
public record Scenario(String id, String question, Ratio ratio, Goal goal, List<Arm> arms, List<Ratio> further) {

	public Scenario(String id, String question, Ratio ratio, Goal goal, List<Arm> arms) {
		this(id, question, ratio, goal, arms, List.of());
	}

}
