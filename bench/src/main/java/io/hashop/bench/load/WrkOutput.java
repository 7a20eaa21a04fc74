package io.hashop.bench.load;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hashop.bench.harness.Measurement;

/**
 * Reads wrk's report: requests per second, the 50th and 99th latency percentiles, errors.
 */
final class WrkOutput {

	private static final Pattern THROUGHPUT = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private WrkOutput() {
	}

	static Measurement parse(String output) throws IOException {
		Matcher throughput = THROUGHPUT.matcher(output);
		if (!throughput.find()) {
			throw new IOException("No throughput in wrk's output: " + output);
		}
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put(Measurement.THROUGHPUT, Double.parseDouble(throughput.group(1)));
		Matcher percentile = PERCENTILE.matcher(output);
		while (percentile.find()) {
			double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
			figures.put(percentile.group(1).equals("50") ? Measurement.P50 : Measurement.P99, millis);
		}
		long failures = 0;
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			failures += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int group = 1; group <= 4; group++) {
				failures += Long.parseLong(socket.group(group));
			}
		}
		return new Measurement(figures, failures);
	}

	private static double toMillis(double value, String unit) {
		return switch (unit) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

}
