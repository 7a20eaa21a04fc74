package io.hashop.bench.load;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistogramsTests {

	@Test
	void interpolatesThe99thPercentileOfTheCallsBetweenTwoScrapes() {
		Histograms before = Histograms.parse("""
				grpc_client_seconds_bucket{method="GetUser",le="0.001"} 10.0
				grpc_client_seconds_bucket{method="GetUser",le="0.002"} 10.0
				grpc_client_seconds_bucket{method="GetUser",le="0.004"} 10.0
				grpc_client_seconds_bucket{method="GetUser",le="+Inf"} 10.0
				""");
		Histograms after = Histograms.parse("""
				# HELP grpc_client_seconds a comment
				grpc_client_seconds_bucket{method="GetUser",le="0.001"} 60.0
				grpc_client_seconds_bucket{method="GetUser",le="0.002"} 100.0
				grpc_client_seconds_bucket{method="GetUser",le="0.004"} 110.0
				grpc_client_seconds_bucket{method="GetUser",le="+Inf"} 110.0
				grpc_client_seconds_count{method="GetUser"} 110.0
				http_server_requests_seconds_bucket{uri="/api/me",le="0.001"} 5.0
				""");

		Map<String, Histograms.Percentile> p99 = after.p99Since(before, "grpc_client");

		assertThat(p99).hasSize(1);
		Histograms.Percentile percentile = p99.values().iterator().next();
		assertThat(percentile.calls()).isEqualTo(100);
		// 100 calls: 50 up to 1 ms, 40 up to 2 ms, 10 up to 4 ms; the 99th lies at 9/10
		// of
		// the last bucket.
		assertThat(percentile.p99Millis()).isCloseTo(3.8, within(1e-9));
	}

	@Test
	void keepsOnlySeriesMatchingEveryFilter() {
		Histograms after = Histograms.parse("""
				http_server_requests_seconds_bucket{status="200",uri="/api/dashboard",le="0.01"} 3.0
				http_server_requests_seconds_bucket{status="200",uri="/api/dashboard",le="+Inf"} 3.0
				http_server_requests_seconds_bucket{status="200",uri="/api/me",le="0.01"} 3.0
				http_server_requests_seconds_bucket{status="200",uri="/api/me",le="+Inf"} 3.0
				""");

		assertThat(after.p99Since(Histograms.parse(""), "http_server_requests", "uri=\"/api/dashboard\"")).hasSize(1);
	}

	@Test
	void combinesLegsIntoTheDistributionOfTheSlowestOfOneCallToEach() {
		Histograms after = Histograms.parse("""
				grpc_client_seconds_bucket{method="GetUser",le="0.001"} 90.0
				grpc_client_seconds_bucket{method="GetUser",le="0.002"} 100.0
				grpc_client_seconds_bucket{method="GetUser",le="+Inf"} 100.0
				grpc_client_seconds_bucket{method="ListOrders",le="0.001"} 45.0
				grpc_client_seconds_bucket{method="ListOrders",le="0.002"} 50.0
				grpc_client_seconds_bucket{method="ListOrders",le="+Inf"} 50.0
				""");
		Histograms before = Histograms.parse("");
		Map<String, Histograms.Percentile> legs = after.p99Since(before, "grpc_client");

		// Each leg: 90 % within 1 ms, the rest within 2 ms; p99 at 9/10 of the second
		// bucket.
		assertThat(legs.values()).allSatisfy((leg) -> assertThat(leg.p99Millis()).isCloseTo(1.9, within(1e-9)));
		// Both within 1 ms: 0.81; the 99th of the slowest at (0.99 - 0.81) / 0.19 of that
		// bucket.
		assertThat(after.p99OfSlowestSince(before, legs.keySet())).isCloseTo(1 + 0.18 / 0.19, within(1e-9));
	}

}
