package io.hashop.bench.harness;

/** A bound a ratio must reach: at least or at most {@code bound}. */
public record Goal(boolean atLeast, double bound) {

	public static Goal atLeast(double bound) {
		return new Goal(true, bound);
	}

	public static Goal atMost(double bound) {
		return new Goal(false, bound);
	}

	public boolean isMetBy(double ratio) {
		return this.atLeast ? ratio >= this.bound : ratio <= this.bound;
	}

	@Override
	public String toString() {
		return (this.atLeast ? "≥ " : "≤ ") + Figures.format(this.bound);
	}

}
