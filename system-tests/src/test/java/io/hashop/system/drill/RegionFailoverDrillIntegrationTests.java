package io.hashop.system.drill;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.launcher.LocalPlatform;
import io.hashop.launcher.LocalPlatformBuilder;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.system.drill.DrillShopper.Accepted;
import io.hashop.system.support.Figures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The region failover drill (./drill.sh): region A (ports +20000) serves a shopper who
 * reaches it through a {@link RegionResolver}; region B (ports +21000) is passive, only
 * its PostgreSQL runs, as an asynchronous streaming replica of region A's. Region A is
 * killed at once (its services SIGKILLed, its PostgreSQL crashed); the failover
 * automation then promotes region B's database and starts region B's services (pilot
 * light), and the shopper, following the resolver, signs in again there. RTO: from the
 * kill to the first order region B accepts. RPO: the orders region A had answered 201
 * that region B's database does not have. No operator decision and no DNS TTL are in
 * these figures: add them (docs/runbooks/region-failover.md).
 */
class RegionFailoverDrillIntegrationTests {

	static final int REGION_A_OFFSET = 20000;

	static final int REGION_B_OFFSET = 21000;

	static final List<String> SERVICES = List.of("user-service", "order-service", "bff-web", "gateway");

	@Test
	void regionBTakesOrdersAfterRegionAIsKilled() throws Exception {
		Duration traffic = Duration.parse(System.getProperty("hashop.drill.traffic", "PT20S"));
		try (PostgresPair postgres = PostgresPair.start(freePort(), freePort());
				LocalPlatform regionA = region("region-a", REGION_A_OFFSET, postgres.primaryPort()).start()) {
			String gatewayA = gateway(regionA);
			String gatewayB = "http://localhost:" + (8080 + REGION_B_OFFSET);
			String email = "drill-" + System.nanoTime() + "@example.com";
			ApiClient first = new ApiClient(gatewayA);
			assertThat(
					first
						.post("/api/auth/register",
								"{\"email\":\"" + email
										+ "\",\"password\":\"correct-horse-9\",\"displayName\":\"Drill\"}")
						.status())
				.isEqualTo(201);
			first.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"correct-horse-9\"}");
			long productId = first.get("/api/products").json().get(0).get("id").asLong();
			Map<String, Object> figures = new LinkedHashMap<>();
			try (RegionResolver resolver = new RegionResolver(List.of(gatewayA, gatewayB));
					DrillShopper shopper = new DrillShopper(resolver, email, "correct-horse-9", productId)) {
				Thread.sleep(traffic.toMillis());
				long killedAt = System.nanoTime();
				regionA.processes().forEach(ServiceHandle::kill);
				postgres.crashPrimary();
				await("the resolver leaves region A").atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> resolver.current().isEmpty());
				figures.put("detectedAfterMs", millis(System.nanoTime() - killedAt));
				postgres.promoteReplica();
				figures.put("promotedAfterMs", millis(System.nanoTime() - killedAt));
				try (LocalPlatform regionB = region("region-b", REGION_B_OFFSET, postgres.replicaPort()).start()) {
					figures.put("regionBReadyAfterMs", millis(System.nanoTime() - killedAt));
					await("an order accepted by region B").atMost(Duration.ofSeconds(60))
						.until(() -> shopper.accepted().stream().anyMatch((a) -> a.region().equals(gatewayB)));
					long firstInB = shopper.accepted()
						.stream()
						.filter((a) -> a.region().equals(gatewayB))
						.mapToLong(Accepted::atNanos)
						.min()
						.orElseThrow();
					Thread.sleep(2000);
					List<Accepted> inA = shopper.accepted()
						.stream()
						.filter((a) -> a.region().equals(gatewayA))
						.toList();
					Set<String> lost = lost(inA, postgres.replicaPort());
					figures.put("rtoMs", millis(firstInB - killedAt));
					figures.put("acceptedInA", inA.size());
					figures.put("rpoLostOrders", lost.size());
					figures.put("rpoLostWindowMs", lostWindow(inA, lost, killedAt));
					figures.put("acceptedInB", shopper.accepted().size() - inA.size());
					Figures.print("region-failover-drill", figures);
				}
			}
			assertThat(figures.get("acceptedInB")).as("region B takes orders").isNotEqualTo(0);
		}
	}

	private static LocalPlatformBuilder region(String name, int offset, int databasePort) {
		Path root = Path.of(System.getProperty("hashop.repository.root", "..")).toAbsolutePath().normalize();
		Path logs = Path.of(System.getProperty("hashop.drill.logs", "target/drill-logs")).toAbsolutePath();
		return LocalPlatform.builder(root)
			.services(SERVICES.toArray(String[]::new))
			.portOffset(offset)
			.infrastructure("DATABASE_HOST", "127.0.0.1")
			.infrastructure("DATABASE_PORT", String.valueOf(databasePort))
			.infrastructure("DATABASE_USERNAME", "postgres")
			.infrastructure("DATABASE_PASSWORD", "")
			.logs(logs.resolve(name));
	}

	private static String gateway(LocalPlatform region) {
		return "http://localhost:" + region.process("gateway").serverPort();
	}

	/** The orders region A accepted that region B's (promoted) database does not have. */
	private static Set<String> lost(List<Accepted> acceptedInA, int port) throws Exception {
		Set<String> stored = new HashSet<>();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/orders",
				"postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id::text FROM orders")) {
			while (rows.next()) {
				stored.add(rows.getString(1));
			}
		}
		Set<String> lost = new HashSet<>();
		acceptedInA.stream().map(Accepted::id).filter((id) -> !stored.contains(id)).forEach(lost::add);
		return lost;
	}

	/** How long before the kill the earliest lost order was accepted: the window lost. */
	private static long lostWindow(List<Accepted> acceptedInA, Set<String> lost, long killedAt) {
		return acceptedInA.stream()
			.filter((a) -> lost.contains(a.id()))
			.mapToLong((a) -> millis(killedAt - a.atNanos()))
			.max()
			.orElse(0);
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static long millis(long nanos) {
		return Duration.ofNanos(nanos).toMillis();
	}

}
