package io.hashop.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one arm measured in one round: named figures (such as {@code req/s} or
 * {@code p99 ms}) and how many calls failed.
 */
public record Measurement(Map<String, Double> figures, long failures) {

	public static final String THROUGHPUT = "req/s";

	public static final String P50 = "p50 ms";

	public static final String P99 = "p99 ms";

	public Measurement {
		figures = Map.copyOf(new LinkedHashMap<>(figures));
	}

	public double figure(String name) {
		Double value = this.figures.get(name);
		if (value == null) {
			throw new IllegalArgumentException("No figure '" + name + "' in " + this.figures.keySet());
		}
		return value;
	}

}
