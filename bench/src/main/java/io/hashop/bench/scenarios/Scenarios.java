package io.hashop.bench.scenarios;

import java.nio.file.Path;
import java.util.List;

import io.hashop.bench.harness.Scenario;
import io.hashop.bench.load.Wrk;
import io.hashop.bench.platform.BenchPlatform;
import io.hashop.bench.platform.Shopper;
import io.hashop.bench.saga.SagaScenario;
import io.hashop.bench.startup.StartupScenario;
import io.hashop.bench.transport.TransportScenario;

/** Every scenario of docs/benchmarks.md, by id. */
public final class Scenarios {

	private Scenarios() {
	}

	public static Scenario create(String id, BenchPlatform platform, Wrk wrk, Shopper shopper, Path workDirectory) {
		return switch (id) {
			case "S1" -> EdgeScenarios.gatewayVersusNginx(platform, wrk);
			case "S2" -> EdgeScenarios.gatewayLatency(platform, wrk);
			case "S3" -> BffScenarios.dashboardFanOut(platform, wrk, shopper);
			case "S4" -> TransportScenario.create(platform);
			case "S5" -> BffScenarios.guards(platform, wrk, shopper);
			case "S6" -> BffScenarios.checkoutWithPaymentsHung(platform, wrk, shopper);
			case "S7" -> SagaScenario.create(platform, shopper);
			case "S8" -> EdgeScenarios.sessionAndRateLimiter(platform, wrk, shopper);
			case "S9" -> BffScenarios.catalogCache(platform, wrk);
			// Two services keep the run short (each start takes seconds); the running
			// platform's
			// arm reports every service's RSS.
			case "S10" -> StartupScenario.create(platform, workDirectory, List.of("bff-web", "order-service"));
			default -> throw new IllegalArgumentException("No scenario " + id);
		};
	}

}
