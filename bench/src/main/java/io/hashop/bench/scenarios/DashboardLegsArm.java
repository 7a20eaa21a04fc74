package io.hashop.bench.scenarios;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Measurement;
import io.hashop.bench.load.Histograms;
import io.hashop.bench.load.Wrk;

/**
 * Loads the dashboard and reads, from the BFF's own timers over the same run, the p99 of
 * the dashboard as served and of each downstream call it made (gRPC to user- and
 * order-service, HTTP to payment-service): the figures {@code dashboard p99 ms} and
 * {@code slowest leg p99 ms}; and {@code slowest of the legs p99 ms}, the p99 of the
 * slowest of one call to each (their distributions multiplied, as if independent): what
 * waiting for all three costs before the BFF adds anything. Needs the BFF's percentile
 * histograms (see {@code BenchPlatform}).
 */
record DashboardLegsArm(String name, String description, Wrk wrk, Wrk.Load load, int managementPort,
		Map<String, String> slowestLeg) implements Arm {

	static final String DASHBOARD = "dashboard p99 ms";

	static final String SLOWEST_LEG = "slowest leg p99 ms";

	static final String SLOWEST_OF_INDEPENDENT_LEGS = "slowest of the legs p99 ms";

	@Override
	public Measurement run(Duration duration) throws Exception {
		Histograms before = Histograms.scrape(this.managementPort);
		Measurement load = this.wrk.run(this.load, duration);
		Histograms after = Histograms.scrape(this.managementPort);
		Map<String, Histograms.Percentile> dashboard = after.p99Since(before, "http_server_requests",
				"uri=\"/api/dashboard\"", "status=\"200\"");
		Map<String, Histograms.Percentile> legs = new LinkedHashMap<>();
		legs.putAll(after.p99Since(before, "grpc_client"));
		legs.putAll(after.p99Since(before, "http_client_requests"));
		if (dashboard.isEmpty() || legs.isEmpty()) {
			throw new IllegalStateException("The BFF recorded no dashboard or downstream histograms: "
					+ dashboard.keySet() + " " + legs.keySet());
		}
		Map.Entry<String, Histograms.Percentile> slowest = legs.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(Histograms.Percentile::p99Millis)))
			.orElseThrow();
		this.slowestLeg.put(this.name, slowest.getKey());
		Map<String, Double> figures = new LinkedHashMap<>(load.figures());
		figures.put(DASHBOARD, dashboard.values().iterator().next().p99Millis());
		figures.put(SLOWEST_LEG, slowest.getValue().p99Millis());
		figures.put(SLOWEST_OF_INDEPENDENT_LEGS, after.p99OfSlowestSince(before, legs.keySet()));
		return new Measurement(figures, load.failures());
	}

}
