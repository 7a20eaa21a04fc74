package io.hashop.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timer histograms read from a process's {@code /actuator/prometheus}: two snapshots give
 * the calls between them, and their 99th percentile is interpolated within the buckets
 * the way Prometheus's {@code histogram_quantile} does.
 */
public final class Histograms {

	private static final Pattern BUCKET = Pattern
		.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)_bucket\\{(.*?),?le=\"([^\"]+)\",?(.*?)\\}\\s+([0-9.eE+-]+)$");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Series (name and labels without {@code le}) to upper bound to cumulative count. */
	private final Map<String, TreeMap<Double, Double>> series;

	private Histograms(Map<String, TreeMap<Double, Double>> series) {
		this.series = series;
	}

	public static Histograms scrape(int managementPort) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		return parse(response.body());
	}

	static Histograms parse(String text) {
		Map<String, TreeMap<Double, Double>> series = new HashMap<>();
		for (String line : text.split("\n")) {
			Matcher bucket = BUCKET.matcher(line);
			if (bucket.matches()) {
				String labels = (bucket.group(2) + "," + bucket.group(4)).replaceAll("^,|,$", "");
				double bound = bucket.group(3).equals("+Inf") ? Double.POSITIVE_INFINITY
						: Double.parseDouble(bucket.group(3));
				series.computeIfAbsent(bucket.group(1) + "{" + labels + "}", (key) -> new TreeMap<>())
					.put(bound, Double.parseDouble(bucket.group(5)));
			}
		}
		return new Histograms(series);
	}

	/**
	 * The calls recorded since {@code before} in each series whose key contains every
	 * filter, and their 99th percentile in milliseconds.
	 */
	public Map<String, Percentile> p99Since(Histograms before, String... filters) {
		Map<String, Percentile> result = new TreeMap<>();
		this.series.forEach((key, buckets) -> {
			for (String filter : filters) {
				if (!key.contains(filter)) {
					return;
				}
			}
			TreeMap<Double, Double> delta = new TreeMap<>();
			TreeMap<Double, Double> earlier = before.series.getOrDefault(key, new TreeMap<>());
			buckets.forEach((bound, count) -> delta.put(bound, count - earlier.getOrDefault(bound, 0.0)));
			double total = delta.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
			if (total > 0) {
				result.put(key, new Percentile((long) total, 1000 * quantile(0.99, delta, total)));
			}
		});
		return result;
	}

	/**
	 * The 99th percentile, in milliseconds, of the slowest of one call to each of these
	 * series (keys as {@link #p99Since} names them) since {@code before}, if the calls
	 * were independent and nothing else were added: the product of their distributions.
	 * What a fan-out that waits for all of them would show from the waiting alone.
	 */
	public double p99OfSlowestSince(Histograms before, Iterable<String> keys) {
		TreeMap<Double, Double> product = null;
		for (String key : keys) {
			TreeMap<Double, Double> buckets = this.series.get(key);
			TreeMap<Double, Double> earlier = before.series.getOrDefault(key, new TreeMap<>());
			double total = buckets.get(Double.POSITIVE_INFINITY) - earlier.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
			TreeMap<Double, Double> next = new TreeMap<>();
			for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
				double share = (bucket.getValue() - earlier.getOrDefault(bucket.getKey(), 0.0)) / total;
				next.put(bucket.getKey(), (product == null) ? share : share * cumulativeAt(product, bucket.getKey()));
			}
			product = next;
		}
		if (product == null) {
			throw new IllegalArgumentException("No series to combine");
		}
		return 1000 * quantile(0.99, product, 1.0);
	}

	/**
	 * The cumulative share at a bound: its bucket's, or the one below when it has none.
	 */
	private static double cumulativeAt(TreeMap<Double, Double> cumulative, double bound) {
		Map.Entry<Double, Double> below = cumulative.floorEntry(bound);
		return (below != null) ? below.getValue() : 0;
	}

	private static double quantile(double q, TreeMap<Double, Double> cumulative, double total) {
		double rank = q * total;
		double lowerBound = 0;
		double lowerCount = 0;
		for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					return lowerBound;
				}
				double inBucket = bucket.getValue() - lowerCount;
				return lowerBound
						+ (bucket.getKey() - lowerBound) * ((inBucket > 0) ? (rank - lowerCount) / inBucket : 1);
			}
			lowerBound = bucket.getKey();
			lowerCount = bucket.getValue();
		}
		return lowerBound;
	}

	/** How many calls a series recorded and their 99th percentile. */
	public record Percentile(long calls, double p99Millis) {

	}

}
