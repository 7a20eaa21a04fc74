package io.hashop.bench.harness;

import java.util.Map;

/** A figure of one arm divided by a figure of another arm (or of the same one). */
public record Ratio(String label, String numerator, String numeratorFigure, String denominator,
		String denominatorFigure) {

	/** The same figure of two arms. */
	public Ratio(String label, String numerator, String denominator, String figure) {
		this(label, numerator, figure, denominator, figure);
	}

	public double of(Map<String, Measurement> byArm) {
		return arm(byArm, this.numerator).figure(this.numeratorFigure)
				/ arm(byArm, this.denominator).figure(this.denominatorFigure);
	}

	private static Measurement arm(Map<String, Measurement> byArm, String name) {
		Measurement measurement = byArm.get(name);
		if (measurement == null) {
			throw new IllegalArgumentException("No arm '" + name + "' among " + byArm.keySet());
		}
		return measurement;
	}

}
