package io.hashop.system.failover;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.devinfra.RedisSentinelGroup;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.launcher.LocalPlatform;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalIdentityProperties;
import io.hashop.platform.identity.InternalTokenIssuer;
import io.hashop.system.failover.ShopperLoop.Call;
import io.hashop.system.support.Figures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the Redis primary (SIGKILL) while a signed-in shopper browses and orders through
 * the gateway, and measures how long until Sentinel has promoted the replica and until
 * the shopper orders again. Then: the shopper is still signed in (the session was written
 * seconds before the kill, so it had been replicated; a session created or changed within
 * the replication lag before a kill can be lost, and its user signs in again), the
 * gateway counts its rate limits in Redis again (its local fallback stops deciding), and
 * a price change reaches the other BFF's cache through the resumed pub/sub subscription.
 * Its own small platform, on ports shifted by {@link #PORT_OFFSET}, beside the shared
 * one: gateway, two BFFs (an invalidation only travels between two), user- and
 * order-service.
 */
class RedisSentinelFailoverIntegrationTests {

	static final int PORT_OFFSET = 20000;

	static final String LOCAL_DECISIONS = "hashop_gateway_rate_limit_local_decisions_total";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void sessionsRateLimitsAndCatalogInvalidationsSurviveAPrimaryKill() throws Exception {
		Instant began = Instant.now();
		try (LocalPlatform platform = start()) {
			RedisSentinelGroup redis = platform.redisSentinel();
			String gateway = "http://localhost:" + platform.process("gateway").serverPort();
			ApiClient shopper = signedInShopper(gateway);
			ApiClient admin = signedIn(gateway, platform.adminEmail(), platform.adminPassword());
			JsonNode product = shopper.get("/api/products").json().get(0);
			await("the replica in sync").atMost(Duration.ofSeconds(20)).until(redis::replicaInSync);
			Map<String, Object> figures = new LinkedHashMap<>();
			try (ShopperLoop loop = new ShopperLoop(shopper, product.get("id").asLong())) {
				Thread.sleep(3000);
				long killedAt = System.nanoTime();
				int oldPrimary = redis.killPrimary();
				await("a promoted replica").atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> redis.primaryPort().orElse(oldPrimary) != oldPrimary);
				figures.put("promotedAfterMs", millis(System.nanoTime() - killedAt));
				await("an order after the kill").atMost(Duration.ofSeconds(30))
					.until(() -> firstOrderAfter(loop.calls(), killedAt) > 0);
				figures.put("shopperOrdersAgainAfterMs", millis(firstOrderAfter(loop.calls(), killedAt) - killedAt));
				figures.put("rateLimitsInRedisAgainAfterMs",
						millis(awaitNoLocalDecisions(platform.process("gateway"), platform) - killedAt));
				figures.put("invalidationsResumedAfterMs",
						millis(awaitInvalidationAcrossBffs(platform, shopper, admin, product) - killedAt));
				Thread.sleep(1000);
				List<Call> calls = loop.calls();
				figures.put("calls", calls.size());
				figures.put("unavailable503", count(calls, 503));
				figures.put("signedOut401", count(calls, 401));
				figures.put("other5xx", calls.stream().filter((c) -> c.status() >= 500 && c.status() != 503).count());
				figures.put("noAnswer", count(calls, -1));
				figures.put("testSeconds", Duration.between(began, Instant.now()).toSeconds());
				Figures.print("redis-sentinel-failover", figures);
				assertThat(calls).as("the shopper stays signed in").noneMatch((call) -> call.status() == 401);
				assertThat(calls).as("a failover is a 503 with Retry-After, never another 5xx")
					.noneMatch((call) -> call.status() >= 500 && call.status() != 503);
			}
			assertThat(shopper.get("/api/me").status()).isEqualTo(200);
		}
	}

	private static LocalPlatform start() {
		Path root = Path.of(System.getProperty("hashop.repository.root", "..")).toAbsolutePath().normalize();
		return LocalPlatform.builder(root)
			.services("user-service", "order-service", "bff-web", "gateway")
			.replicas("bff-web", 2)
			.redisSentinel()
			.portOffset(PORT_OFFSET)
			.logs(Path.of(System.getProperty("hashop.failover.logs", "target/failover-logs")).toAbsolutePath())
			.start();
	}

	private static ApiClient signedInShopper(String gateway) {
		String email = "sentinel-" + System.nanoTime() + "@example.com";
		ApiClient client = new ApiClient(gateway);
		assertThat(
				client
					.post("/api/auth/register",
							"{\"email\":\"" + email
									+ "\",\"password\":\"correct-horse-9\",\"displayName\":\"Sentinel\"}")
					.status())
			.isEqualTo(201);
		return signedIn(gateway, email, "correct-horse-9");
	}

	private static ApiClient signedIn(String gateway, String email, String password) {
		ApiClient client = new ApiClient(gateway);
		assertThat(client.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
			.status()).isEqualTo(200);
		return client;
	}

	private static long firstOrderAfter(List<Call> calls, long nanos) {
		return calls.stream()
			.filter((call) -> call.what().equals("order") && call.startedNanos() > nanos && call.status() == 201)
			.mapToLong(Call::endedNanos)
			.findFirst()
			.orElse(-1);
	}

	/**
	 * Waits until the gateway's local fallback stops deciding while the shopper's
	 * requests keep coming: the gateway counts in Redis again.
	 * @return when that was first seen (nanoTime)
	 */
	private long awaitNoLocalDecisions(ServiceHandle gateway, LocalPlatform platform) {
		long[] seenAt = new long[1];
		await("rate limits counted in Redis again").atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				double before = scrape(gateway, platform, LOCAL_DECISIONS);
				long at = System.nanoTime();
				Thread.sleep(1500);
				seenAt[0] = at;
				return scrape(gateway, platform, LOCAL_DECISIONS) == before;
			});
		return seenAt[0];
	}

	/**
	 * Warms both BFFs' local catalog copies, changes the price through the gateway, and
	 * expects both to show it within two seconds (their local copies live 30 s, so only
	 * the invalidation message explains that); repeated until it holds.
	 * @return when it first held (nanoTime)
	 */
	private static long awaitInvalidationAcrossBffs(LocalPlatform platform, ApiClient shopper, ApiClient admin,
			JsonNode product) {
		List<ApiClient> bffs = platform.instances("bff-web").stream().map((bff) -> {
			String url = "http://localhost:" + bff.serverPort();
			ApiClient direct = new ApiClient(url);
			shopper.shareCookiesWith(direct, url);
			return direct;
		}).toList();
		long id = product.get("id").asLong();
		long[] price = { product.get("priceCents").asLong() };
		await("a price change seen by both BFFs").atMost(Duration.ofSeconds(45))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> {
				bffs.forEach((bff) -> bff.get("/api/products"));
				price[0]++;
				if (admin.put("/api/admin/products/" + id, "{\"priceCents\":" + price[0] + "}").status() != 200) {
					return false;
				}
				long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
				while (System.nanoTime() < deadline) {
					if (bffs.stream().allMatch((bff) -> priceOf(bff, id) == price[0])) {
						return true;
					}
					Thread.sleep(100);
				}
				return false;
			});
		return System.nanoTime();
	}

	private static long priceOf(ApiClient bff, long id) {
		for (JsonNode product : bff.get("/api/products").json()) {
			if (product.get("id").asLong() == id) {
				return product.get("priceCents").asLong();
			}
		}
		return -1;
	}

	private double scrape(ServiceHandle process, LocalPlatform platform, String metric) throws Exception {
		InternalTokenIssuer tokens = new InternalTokenIssuer(
				new InternalIdentityProperties(true, platform.internalTokenSecret(), "system-tests", "hashop-internal",
						Duration.ofMinutes(5), Duration.ofSeconds(5), true),
				Clock.systemUTC());
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + process.managementPort() + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + tokens.issue(CallerIdentity.anonymous(), process.module()))
			.timeout(Duration.ofSeconds(5))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(process.name() + " /actuator/prometheus").isEqualTo(200);
		return response.body()
			.lines()
			.filter((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static long count(List<Call> calls, int status) {
		return calls.stream().filter((call) -> call.status() == status).count();
	}

	private static long millis(long nanos) {
		return Duration.ofNanos(nanos).toMillis();
	}

}
