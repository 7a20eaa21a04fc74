package io.hashop.bench.scenarios;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Goal;
import io.hashop.bench.harness.Measurement;
import io.hashop.bench.harness.Ratio;
import io.hashop.bench.harness.Scenario;
import io.hashop.bench.load.Wrk;
import io.hashop.bench.load.WrkArm;
import io.hashop.bench.platform.BenchPlatform;
import io.hashop.bench.platform.Shopper;

/**
 * What the BFF's aggregation, guards and cache cost or save, measured on the BFF itself.
 */
final class BffScenarios {

	private static final int CONNECTIONS = EdgeScenarios.CONNECTIONS;

	private BffScenarios() {
	}

	/**
	 * The fan-out's own cost is a latency ratio, so it is measured at a fixed rate well
	 * below saturation (as S2): at saturation the p99s are queueing for two shared cores,
	 * not aggregation. The saturated arm stays for comparison.
	 */
	static Scenario dashboardFanOut(BenchPlatform platform, Wrk wrk, Shopper shopper) {
		Map<String, String> slowestLeg = new ConcurrentHashMap<>();
		String dashboard = platform.bffUrl() + "/api/dashboard";
		Arm paced = new DashboardLegsArm("paced",
				"signed-in GET /api/dashboard on the BFF, 4 connections, 100 ms between requests (below saturation); "
						+ "p99s from the BFF's own timers",
				wrk,
				new Wrk.Load(dashboard, 2, 4, shopper.readHeaders(), "fixed-rate.lua", Map.of("BENCH_DELAY_MS", "100")),
				platform.managementPort("bff-web"), slowestLeg);
		Arm saturated = new DashboardLegsArm("saturated", "the same with 8 connections and no pause (saturated)", wrk,
				Wrk.Load.get(dashboard, 8).withHeaders(shopper.readHeaders()), platform.managementPort("bff-web"),
				slowestLeg);
		return new Scenario("S3", "dashboard p99 ÷ p99 of its slowest leg (three legs in parallel)",
				new Ratio("dashboard ÷ slowest leg p99", "paced", DashboardLegsArm.DASHBOARD, "paced",
						DashboardLegsArm.SLOWEST_LEG),
				Goal.atMost(1.15), List.of(paced, saturated),
				List.of(new Ratio("slowest of the legs ÷ slowest leg p99 (what waiting for all three costs)", "paced",
						DashboardLegsArm.SLOWEST_OF_INDEPENDENT_LEGS, "paced", DashboardLegsArm.SLOWEST_LEG),
						new Ratio("dashboard ÷ slowest of the legs p99 (what the BFF adds)", "paced",
								DashboardLegsArm.DASHBOARD, "paced", DashboardLegsArm.SLOWEST_OF_INDEPENDENT_LEGS),
						new Ratio("saturated: dashboard ÷ slowest leg p99", "saturated", DashboardLegsArm.DASHBOARD,
								"saturated", DashboardLegsArm.SLOWEST_LEG)));
	}

	static Scenario guards(BenchPlatform platform, Wrk wrk, Shopper shopper) {
		return new Scenario("S5", "dashboard throughput with the Resilience4j guards ÷ without",
				new Ratio("guarded ÷ unguarded req/s", "guarded", "unguarded", Measurement.THROUGHPUT),
				Goal.atLeast(0.98), List.of(
						new WrkArm("guarded", "signed-in GET /api/dashboard, bulkhead + breaker + retry per leg", wrk,
								Wrk.Load.get(platform.bffUrl() + "/api/dashboard", CONNECTIONS)
									.withHeaders(shopper.readHeaders())),
						new WrkArm("unguarded", "the same on a BFF with DOWNSTREAM_GUARDS_ENABLED=false", wrk,
								Wrk.Load.get(platform.bffWithoutGuardsUrl() + "/api/dashboard", CONNECTIONS)
									.withHeaders(shopper.readHeaders()))));
	}

	static Scenario checkoutWithPaymentsHung(BenchPlatform platform, Wrk wrk, Shopper shopper) {
		Wrk.Load orders = new Wrk.Load(platform.bffUrl() + "/api/orders", 2, 16, shopper.writeHeaders(), "orders.lua",
				Map.of("BENCH_RUN", "bench-" + System.currentTimeMillis()));
		Arm healthy = new WrkArm("healthy", "POST /api/orders (a new Idempotency-Key each), 16 connections", wrk,
				orders);
		Arm hung = new FrozenDuringRun(
				new WrkArm("payments hung", "the same while payment-service is frozen (SIGSTOP)", wrk, orders),
				platform, "payment-service");
		return new Scenario("S6", "checkout throughput with payment-service hung ÷ healthy",
				new Ratio("hung ÷ healthy req/s", "payments hung", "healthy", Measurement.THROUGHPUT),
				Goal.atLeast(0.95), List.of(healthy, hung));
	}

	static Scenario catalogCache(BenchPlatform platform, Wrk wrk) {
		return new Scenario("S9", "catalog reads from the BFF's local cache ÷ reads from the database",
				new Ratio("L1 hit ÷ database req/s", "L1 hit", "database", Measurement.THROUGHPUT), Goal.atLeast(3),
				List.of(new WrkArm("L1 hit", "GET /api/products answered from the BFF's Caffeine copy", wrk,
						Wrk.Load.get(platform.bffUrl() + "/api/products", CONNECTIONS)),
						new WrkArm("database",
								"the same on a BFF with CATALOG_CACHE_ENABLED=false: gRPC to "
										+ "order-service and a PostgreSQL query each time",
								wrk,
								Wrk.Load.get(platform.bffWithoutCatalogCacheUrl() + "/api/products", CONNECTIONS))));
	}

}
