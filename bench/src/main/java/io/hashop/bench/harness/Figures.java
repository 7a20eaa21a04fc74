package io.hashop.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Medians, spreads and the way figures are printed. */
public final class Figures {

	private Figures() {
	}

	public static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/** The spread of the values: (max - min) / median, as a percentage. */
	public static double spreadPercent(List<Double> values) {
		double median = median(values);
		if (median == 0) {
			return 0;
		}
		return 100 * (Collections.max(values) - Collections.min(values)) / Math.abs(median);
	}

	public static String format(double value) {
		double magnitude = Math.abs(value);
		if (magnitude >= 1000) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (magnitude >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (magnitude >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
