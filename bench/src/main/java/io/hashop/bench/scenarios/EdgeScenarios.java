package io.hashop.bench.scenarios;

import java.util.List;
import java.util.Map;

import io.hashop.bench.harness.Goal;
import io.hashop.bench.harness.Measurement;
import io.hashop.bench.harness.Ratio;
import io.hashop.bench.harness.Scenario;
import io.hashop.bench.load.Wrk;
import io.hashop.bench.load.WrkArm;
import io.hashop.bench.platform.BenchPlatform;
import io.hashop.bench.platform.Shopper;

/** What the edge costs: the gateway against nginx and against no proxy at all. */
final class EdgeScenarios {

	/** As in the issue that asked for these figures: wrk -t2 -c32. */
	static final int CONNECTIONS = 32;

	private static final String CATALOG = "/api/products";

	private EdgeScenarios() {
	}

	static Scenario gatewayVersusNginx(BenchPlatform platform, Wrk wrk) {
		return new Scenario("S1", "gateway ÷ nginx proxy on the cached catalog read, both before the same BFF",
				new Ratio("gateway ÷ nginx req/s", "gateway", "nginx", Measurement.THROUGHPUT), Goal.atLeast(0.75),
				List.of(catalog("direct", "GET /api/products straight to the BFF", wrk, platform.bffUrl()),
						catalog("nginx", "the same through nginx (2 workers, upstream keep-alive)", wrk,
								platform.nginxUrl()),
						catalog("gateway", "the same through the gateway (rate limiter on)", wrk,
								platform.gatewayUrl()),
						catalog("gateway, no limiter", "the same through a gateway without its rate limiter", wrk,
								platform.gatewayWithoutRateLimitUrl()),
						catalog("minimal SCG", "the same through Spring Cloud Gateway with one route and nothing else",
								wrk, platform.minimalGatewayUrl()),
						catalog("Reactor Netty proxy",
								"the same through a plain Reactor Netty proxy (HttpServer and HttpClient, no Spring): the JVM's floor",
								wrk, platform.nettyProxyUrl())),
				List.of(new Ratio("gateway ÷ direct req/s (stretch ≥ 0.60)", "gateway", "direct",
						Measurement.THROUGHPUT),
						new Ratio("nginx ÷ direct req/s", "nginx", "direct", Measurement.THROUGHPUT),
						new Ratio("minimal SCG ÷ nginx req/s", "minimal SCG", "nginx", Measurement.THROUGHPUT),
						new Ratio("Reactor Netty proxy ÷ nginx req/s", "Reactor Netty proxy", "nginx",
								Measurement.THROUGHPUT),
						new Ratio("minimal SCG ÷ Reactor Netty proxy req/s", "minimal SCG", "Reactor Netty proxy",
								Measurement.THROUGHPUT),
						new Ratio("gateway ÷ minimal SCG req/s", "gateway", "minimal SCG", Measurement.THROUGHPUT),
						new Ratio("gateway ÷ gateway without limiter req/s (what the limiter costs)", "gateway",
								"gateway, no limiter", Measurement.THROUGHPUT)));
	}

	static Scenario gatewayLatency(BenchPlatform platform, Wrk wrk) {
		return new Scenario("S2", "gateway p99 ÷ direct p99 at a fixed rate below saturation",
				new Ratio("gateway ÷ direct p99", "gateway", "direct", Measurement.P99), Goal.atMost(1.10),
				List.of(paced("direct", "16 connections, 20 ms between requests, straight to the BFF", wrk,
						platform.bffUrl()),
						paced("gateway", "the same through the gateway", wrk, platform.gatewayUrl()),
						paced("nginx", "the same through nginx (what any proxy hop costs)", wrk, platform.nginxUrl()),
						paced("minimal SCG", "the same through Spring Cloud Gateway with one route and nothing else",
								wrk, platform.minimalGatewayUrl()),
						paced("Reactor Netty proxy",
								"the same through a plain Reactor Netty proxy (HttpServer and HttpClient, no Spring)",
								wrk, platform.nettyProxyUrl())),
				List.of(new Ratio("nginx ÷ direct p99", "nginx", "direct", Measurement.P99),
						new Ratio("minimal SCG ÷ direct p99", "minimal SCG", "direct", Measurement.P99),
						new Ratio("Reactor Netty proxy ÷ direct p99", "Reactor Netty proxy", "direct", Measurement.P99),
						new Ratio("gateway ÷ nginx p99", "gateway", "nginx", Measurement.P99),
						new Ratio("gateway ÷ direct p50", "gateway", "direct", Measurement.P50),
						new Ratio("nginx ÷ direct p50", "nginx", "direct", Measurement.P50)));
	}

	/**
	 * 16 connections, each sending a request every 20 ms: about 800 req/s, well below
	 * saturation.
	 */
	private static WrkArm paced(String name, String description, Wrk wrk, String baseUrl) {
		return new WrkArm(name, description, wrk,
				new Wrk.Load(baseUrl + CATALOG, 2, 16, Map.of(), "fixed-rate.lua", Map.of("BENCH_DELAY_MS", "20")));
	}

	static Scenario sessionAndRateLimiter(BenchPlatform platform, Wrk wrk, Shopper shopper) {
		return new Scenario("S8", "through the gateway with a session and the rate limiter ÷ without either",
				new Ratio("with ÷ without req/s", "with", "without", Measurement.THROUGHPUT), Goal.atLeast(0.85),
				List.of(new WrkArm("with", "signed-in catalog reads through the gateway, rate limiter on", wrk,
						Wrk.Load.get(platform.gatewayUrl() + CATALOG, CONNECTIONS).withHeaders(shopper.readHeaders())),
						new WrkArm("without", "anonymous catalog reads through a gateway without rate limiter", wrk,
								Wrk.Load.get(platform.gatewayWithoutRateLimitUrl() + CATALOG, CONNECTIONS))));
	}

	private static WrkArm catalog(String name, String description, Wrk wrk, String baseUrl) {
		return new WrkArm(name, description, wrk, Wrk.Load.get(baseUrl + CATALOG, CONNECTIONS));
	}

}
