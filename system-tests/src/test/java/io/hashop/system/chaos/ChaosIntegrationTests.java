package io.hashop.system.chaos;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.hashop.launcher.LocalPlatform;
import io.hashop.launcher.LocalPlatformBuilder;
import io.hashop.system.support.Figures;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Shoppers against two instances of every service behind two gateways while, on a
 * schedule, an instance is SIGKILLed or the Kafka broker, PostgreSQL or Redis restarted;
 * then the checker holds the history against the databases. Its own supervised platform,
 * not the shared one: killed instances must come back by themselves here.
 */
class ChaosIntegrationTests {

	static final List<String> MODULES = FaultPlan.MODULES;

	static final String BFF_URLS = "http://localhost:8081,http://localhost:8181";

	/** The saga drains a backlog left by the last fault well within this. */
	static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(180);

	@Test
	void losesNoAcceptedOrderAndChargesNoOrderTwiceWhileProcessesDieAndServersRestart() throws Exception {
		ChaosSettings settings = ChaosSettings.fromSystemProperties();
		System.out.println("chaos: " + settings);
		try (LocalPlatform platform = start(settings)) {
			RunClock clock = new RunClock();
			History history = new History();
			FaultSchedule faults = new FaultSchedule(new FaultPlan(settings.seed()), new PlatformFaults(platform),
					clock, System.out);
			Duration ran = runTrafficAndFaults(settings, platform, clock, history, faults);
			Duration drain = drain(new LedgerReader(platform.postgres()), history);
			ChaosReport report = ChaosChecker.check(history.exchanges(), faults.faults(),
					new LedgerReader(platform.postgres()).read());
			RunFacts run = new RunFacts(clock.startedAt(), settings.command(), ran, settings.users(),
					settings.faultInterval(), settings.seed(), drain, history.dropped(), restarts(platform),
					RunFacts.Machine.current());
			publish(new ChaosReportDocument(report, run), settings);
			verify(report, faults.faults(), platform, settings);
		}
	}

	/**
	 * Shoppers sign up first, then faults begin. No fault starts in the run's last
	 * interval, so that the clients are seen recovering from the last one too; at the end
	 * each shopper finishes the order in hand.
	 * @return how long the traffic ran
	 */
	private static Duration runTrafficAndFaults(ChaosSettings settings, LocalPlatform platform, RunClock clock,
			History history, FaultSchedule faults) throws InterruptedException {
		List<String> gateways = platform.instances("gateway")
			.stream()
			.map((gateway) -> "http://localhost:" + gateway.serverPort())
			.toList();
		Traffic traffic = Traffic.start(settings.users(), gateways, history, clock, settings.seed());
		try {
			traffic.awaitSignedIn(Duration.ofSeconds(120));
			long end = clock.nanos() + settings.duration().toNanos();
			faults.start(settings.faultInterval());
			// Pacing: the run lasts this long while the shoppers and the schedule work.
			Thread.sleep(settings.duration().minus(settings.quietTail()).toMillis());
			faults.stop(Duration.ofMinutes(3));
			Thread.sleep(Math.max(0, (end - clock.nanos()) / 1_000_000));
		}
		finally {
			faults.stop(Duration.ofMinutes(3));
			traffic.stop(Shopper.ORDER_PATIENCE.plusSeconds(15));
		}
		return clock.elapsed();
	}

	private static LocalPlatform start(ChaosSettings settings) {
		LocalPlatformBuilder builder = LocalPlatform.builder(settings.repositoryRoot())
			.services(MODULES.toArray(String[]::new))
			.supervised()
			.logs(settings.logs());
		MODULES.forEach((module) -> builder.replicas(module, 2));
		for (String gateway : List.of("gateway", "gateway-2")) {
			builder.environment(gateway, "BFF_URLS", BFF_URLS);
			// The shoppers sign in again after every session loss, far beyond the
			// per-address login limit; the gateway's own tests cover the limit.
			builder.environment(gateway, "RATE_LIMIT_AUTH", "100000");
			// All shoppers share one address and order as fast as they can: the address
			// and per-user limits would turn the run into a rate-limit test.
			builder.environment(gateway, "RATE_LIMIT_IP", "1000000");
			builder.environment(gateway, "RATE_LIMIT_USER", "1000000");
		}
		return builder.start();
	}

	/**
	 * Waits until every accepted order, and every other order in the database, is
	 * terminal; bounded, and a timeout is not thrown: the report then shows the lost
	 * orders.
	 */
	private static Duration drain(LedgerReader ledger, History history) {
		Instant start = Instant.now();
		Set<String> accepted = ChaosChecker.acceptedOrderIds(history.exchanges());
		try {
			await("every order terminal").atMost(DRAIN_TIMEOUT)
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.until(() -> {
					Map<String, Ledger.StoredOrder> orders = ledger.orders();
					return accepted.stream().allMatch((id) -> orders.containsKey(id) && orders.get(id).isTerminal())
							&& orders.values().stream().allMatch(Ledger.StoredOrder::isTerminal);
				});
		}
		catch (ConditionTimeoutException ex) {
			System.out.println("chaos: orders still not terminal after " + DRAIN_TIMEOUT.toSeconds() + " s");
		}
		return Duration.between(start, Instant.now());
	}

	private static Map<String, Integer> restarts(LocalPlatform platform) {
		Map<String, Integer> restarts = new LinkedHashMap<>();
		platform.processes().forEach((process) -> restarts.put(process.name(), process.restarts()));
		return restarts;
	}

	private static void publish(ChaosReportDocument document, ChaosSettings settings) throws Exception {
		System.out.println(document.text());
		Files.createDirectories(settings.report().getParent());
		Files.writeString(settings.report(), document.markdown());
		System.out.println("chaos: report written to " + settings.report());
	}

	private static void verify(ChaosReport report, List<Fault> faults, LocalPlatform platform, ChaosSettings settings) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("accepted", report.orders().accepted());
		figures.put("lost", report.orders().lost().size());
		figures.put("chargedMoreThanOnce", report.money().chargedMoreThanOnce());
		figures.put("http500", report.http().internalServerErrors());
		figures.put("availabilityDuringFaults", report.duringFaults().share());
		figures.put("faults", faults.size());
		Figures.print("chaos", figures);
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(report.orders().lost()).as("accepted orders lost").isEmpty();
		softly.assertThat(report.orders().acceptedWithoutId()).as("201 answers without an order id").isZero();
		softly.assertThat(report.money().chargedMoreThanOnce()).as("orders charged more than once").isZero();
		softly.assertThat(report.money().paidWithoutOneAuthorizedCharge())
			.as("PAID orders without exactly one authorized charge")
			.isZero();
		softly.assertThat(report.money().authorizedCents())
			.as("Σ authorized charges == Σ PAID totals")
			.isEqualTo(report.money().paidCents());
		softly.assertThat(report.http().internalServerErrors()).as("HTTP 500 answers").isZero();
		softly.assertThat(report.orders().accepted())
			.as("accepted orders")
			.isGreaterThanOrEqualTo(settings.minimumAcceptedOrders());
		softly.assertThat(faults).as("faults done").isNotEmpty();
		softly.assertThat(faults)
			.as("fault actions that failed")
			.noneMatch((fault) -> fault.note().contains("the fault itself failed"));
		softly.assertThatCode(() -> platform.awaitAllReady(Duration.ofSeconds(120)))
			.as("every instance running and ready after the run")
			.doesNotThrowAnyException();
		Map<String, Long> kills = faults.stream()
			.filter((fault) -> fault.kind() == FaultKind.KILL)
			.collect(Collectors.groupingBy(Fault::target, Collectors.counting()));
		kills.forEach((instance, count) -> softly.assertThat((long) platform.process(instance).restarts())
			.as("supervisor restarts of " + instance)
			.isGreaterThanOrEqualTo(count));
		softly.assertAll();
	}

}
