package io.hashop.bench.transport;

import java.util.Map;

import io.hashop.bench.harness.Measurement;

/**
 * What one run of a {@link CallLoop} counted, as the host process reports it on one line
 * and the arm turns it into figures.
 *
 * @param calls the calls that succeeded
 * @param failures the calls that failed
 * @param cpuNanos the CPU time of the host process over the run
 * @param wallNanos the wall-clock time of the run
 * @param firstFailure the first failure, or an empty string
 */
record CallCount(long calls, long failures, long cpuNanos, long wallNanos, String firstFailure) {

	static final String CALLS_PER_CPU_SECOND = "calls/CPU-s";

	static final String CPU_CORES = "CPU cores busy";

	private static final String PREFIX = "s4-count ";

	String toLine() {
		return PREFIX + this.calls + " " + this.failures + " " + this.cpuNanos + " " + this.wallNanos + " "
				+ this.firstFailure.replace('\n', ' ');
	}

	static boolean isCount(String line) {
		return line.startsWith(PREFIX);
	}

	static CallCount parse(String line) {
		String[] parts = line.substring(PREFIX.length()).split(" ", 5);
		return new CallCount(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
				Long.parseLong(parts[3]), (parts.length > 4) ? parts[4] : "");
	}

	Measurement toMeasurement() {
		double cpuSeconds = this.cpuNanos / 1e9;
		double seconds = this.wallNanos / 1e9;
		return new Measurement(Map.of(CALLS_PER_CPU_SECOND, (cpuSeconds > 0) ? this.calls / cpuSeconds : 0.0,
				Measurement.THROUGHPUT, this.calls / seconds, CPU_CORES, cpuSeconds / seconds), this.failures);
	}

}
