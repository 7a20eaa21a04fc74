package io.hashop.bench.saga;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The nearest-rank percentile of a sample. */
final class Percentiles {

	private Percentiles() {
	}

	static double of(List<Double> values, double quantile) {
		if (values.isEmpty()) {
			throw new IllegalStateException("No values to take a percentile of");
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(quantile * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

}
