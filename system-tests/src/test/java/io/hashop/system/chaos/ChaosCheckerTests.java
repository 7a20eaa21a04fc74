package io.hashop.system.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.hashop.system.chaos.ChaosFixtures.LedgerBuilder;
import io.hashop.system.chaos.Exchange.Failure;
import org.junit.jupiter.api.Test;

import static io.hashop.system.chaos.ChaosFixtures.fault;
import static io.hashop.system.chaos.ChaosFixtures.failed;
import static io.hashop.system.chaos.ChaosFixtures.order;
import static io.hashop.system.chaos.ChaosFixtures.request;
import static io.hashop.system.chaos.ChaosFixtures.steadyTraffic;
import static org.assertj.core.api.Assertions.assertThat;

class ChaosCheckerTests {

	/**
	 * Three orders, one of them retried after a 503 and a timeout with the same key and
	 * replayed, one declined; reads around them; a kill in the middle.
	 */
	static List<Exchange> cleanHistory() {
		List<Exchange> history = new ArrayList<>(steadyTraffic(0, 60_000, 100, 200));
		history.add(order("ada-1", 1_000, 201, "o1", 4980));
		history.add(order("ada-2", 20_000, 503, null, 0));
		history.add(ChaosFixtures.timedOutOrder("ada-2", 20_300));
		history.add(order("ada-2", 30_500, 201, "o2", 1290));
		history.add(order("ada-2", 30_900, 201, "o2", 1290));
		history.add(order("ada-3", 40_000, 201, "o3", 747000));
		history.add(request(Operation.DASHBOARD, 41_000, 30, 401));
		return history;
	}

	static LedgerBuilder cleanLedger() {
		return new LedgerBuilder().paid("o1", 4980).paid("o2", 1290).declined("o3", 747000);
	}

	static List<Fault> oneKill() {
		return List.of(fault(FaultKind.KILL, "bff-web-2", 20_000, 100));
	}

	@Test
	void passesACleanHistory() {
		ChaosReport report = ChaosChecker.check(cleanHistory(), oneKill(), cleanLedger().build());

		assertThat(report.violations()).isEmpty();
		assertThat(report.passed()).isTrue();
		assertThat(report.orders().accepted()).isEqualTo(3);
		assertThat(report.orders().terminal()).isEqualTo(3);
		assertThat(report.orders().paid()).isEqualTo(2);
		assertThat(report.orders().paymentFailed()).isEqualTo(1);
		assertThat(report.money().sumsMatch()).isTrue();
		assertThat(report.money().authorizedCents()).isEqualTo(4980 + 1290);
	}

	@Test
	void detectsAnAcceptedOrderThatIsStillPendingOrMissing() {
		List<Exchange> history = new ArrayList<>(cleanHistory());
		history.add(order("ada-4", 50_000, 201, "o4", 1450));
		history.add(order("ada-5", 51_000, 201, "o5", 1450));
		Ledger ledger = cleanLedger().order("o4", "PENDING_PAYMENT", 1450).build();

		ChaosReport report = ChaosChecker.check(history, oneKill(), ledger);

		assertThat(report.orders().lost()).containsExactly("o4", "o5");
		assertThat(report.orders().terminal()).isEqualTo(3);
		assertThat(report.orders().pendingInDatabase()).isEqualTo(1);
		assertThat(report.violations()).singleElement()
			.asString()
			.isEqualTo("accepted orders lost (not PAID or PAYMENT_FAILED): 2, e.g. [o4, o5]");
	}

	@Test
	void detectsAnOrderChargedTwiceEvenWhenOnlyOneChargeWasAuthorized() {
		Ledger ledger = cleanLedger().charges("o1", 2, 1, 4980).build();

		ChaosReport report = ChaosChecker.check(cleanHistory(), oneKill(), ledger);

		assertThat(report.money().chargedMoreThanOnce()).isEqualTo(1);
		assertThat(report.money().sumsMatch()).isTrue();
		assertThat(report.violations()).singleElement().asString().contains("charged more than once");
	}

	@Test
	void detectsAPaidOrderChargedTwiceThroughTheSums() {
		Ledger ledger = cleanLedger().charges("o1", 2, 2, 2 * 4980).build();

		ChaosReport report = ChaosChecker.check(cleanHistory(), oneKill(), ledger);

		assertThat(report.money().chargedMoreThanOnce()).isEqualTo(1);
		assertThat(report.money().paidWithoutOneAuthorizedCharge()).isEqualTo(1);
		assertThat(report.violations()).hasSize(3)
			.anySatisfy((violation) -> assertThat(violation).contains("charged more than once"))
			.anySatisfy((violation) -> assertThat(violation).contains("without exactly one authorized charge"))
			.anySatisfy((violation) -> assertThat(violation).contains("authorized charges total 11250"));
	}

	@Test
	void detectsAnHttp500() {
		List<Exchange> history = new ArrayList<>(cleanHistory());
		history.add(request(Operation.DASHBOARD, 25_000, 40, 500));

		ChaosReport report = ChaosChecker.check(history, oneKill(), cleanLedger().build());

		assertThat(report.http().internalServerErrors()).isEqualTo(1);
		assertThat(report.http().outcomes().get(Operation.DASHBOARD)).containsEntry("500", 1L);
		assertThat(report.violations()).containsExactly("HTTP 500 answers: 1");
	}

	@Test
	void detectsChargesThatDoNotAddUpToThePaidTotals() {
		Ledger ledger = cleanLedger().charges("o2", 1, 1, 1300).build();

		ChaosReport report = ChaosChecker.check(cleanHistory(), oneKill(), ledger);

		assertThat(report.money().sumsMatch()).isFalse();
		assertThat(report.violations())
			.containsExactly("authorized charges total 6280 cents but PAID orders total 6270 cents");
	}

	@Test
	void detectsMoneyTakenForAnOrderThatWasNotPaid() {
		Ledger ledger = cleanLedger().charges("o3", 1, 1, 747000).build();

		ChaosReport report = ChaosChecker.check(cleanHistory(), oneKill(), ledger);

		assertThat(report.money().authorizedNotPaid()).isEqualTo(1);
		assertThat(report.violations()).singleElement().asString().contains("authorized charges total");
	}

	@Test
	void detectsAPaidOrderWithoutACharge() {
		Ledger ledger = cleanLedger().order("o9", "PAID", 100).build();

		ChaosReport report = ChaosChecker.check(cleanHistory(), oneKill(), ledger);

		assertThat(report.money().paidWithoutOneAuthorizedCharge()).isEqualTo(1);
		assertThat(report.orders().unacknowledged()).isEqualTo(1);
		assertThat(report.violations()).hasSize(2);
	}

	@Test
	void countsAttemptsAndReplaysOfOneKeyAsOneOrder() {
		ChaosReport report = ChaosChecker.check(cleanHistory(), oneKill(), cleanLedger().build());

		assertThat(report.orders().attempted()).isEqualTo(3);
		assertThat(report.orders().abandoned()).isZero();
		assertThat(report.http().outcomes().get(Operation.PLACE_ORDER)).containsEntry("201", 4L)
			.containsEntry("503", 1L)
			.containsEntry("timeout", 1L);
	}

	@Test
	void measuresAvailabilityAndLatencyInsideTheFaultWindowsOnly() {
		List<Exchange> history = new ArrayList<>(steadyTraffic(0, 100_000, 100, 200));
		history.add(failed(Operation.DASHBOARD, 10_050, 10_000, Failure.TIMEOUT));
		history.add(request(Operation.DASHBOARD, 90_050, 10, 503));
		List<Fault> faults = List.of(fault(FaultKind.REDIS_RESTART, "redis", 10_000, 2_000),
				fault(FaultKind.KILL, "gateway", 20_000, 100));

		ChaosReport report = ChaosChecker.check(history, faults, new LedgerBuilder().build());

		// Windows: [10 s, 20 s) ends at the next fault; [20 s, 50.1 s) is 30 s after the
		// end.
		assertThat(report.faults().get(0).windowEndNanos()).isEqualTo(ChaosFixtures.ms(20_000));
		assertThat(report.faults().get(1).windowEndNanos()).isEqualTo(ChaosFixtures.ms(50_100));
		assertThat(report.duringFaults().requests()).isEqualTo(401 + 1);
		assertThat(report.duringFaults().available()).isEqualTo(401);
		assertThat(report.overall().requests()).isEqualTo(1002);
		assertThat(report.overall().available()).isEqualTo(1000);
		assertThat(report.faults().get(0).availability().p99()).isEqualTo(Duration.ofMillis(20));
	}

	@Test
	void measuresRecoveryToTheEndOfTheLastTwoSecondWindowBelowNinetyFivePercent() {
		List<Exchange> history = new ArrayList<>(steadyTraffic(0, 10_000, 100, 200));
		history.addAll(steadyTraffic(10_000, 13_000, 100, 503));
		history.addAll(steadyTraffic(13_000, 60_000, 100, 200));
		List<Fault> faults = List.of(fault(FaultKind.KILL, "bff-web", 10_000, 500));

		ChaosReport report = ChaosChecker.check(history, faults, new LedgerBuilder().build());

		// The last window with two failures of twenty starts at 12.75 s and ends at 14.75
		// s.
		assertThat(report.faults().get(0).recovery()).contains(Duration.ofMillis(4_750));
	}

	@Test
	void reportsARecoveryOfZeroWhenTheClientsNeverNoticed() {
		List<Fault> faults = List.of(fault(FaultKind.KILL, "order-service", 10_000, 500));

		ChaosReport report = ChaosChecker.check(steadyTraffic(0, 60_000, 100, 200), faults,
				new LedgerBuilder().build());

		assertThat(report.faults().get(0).recovery()).contains(Duration.ZERO);
	}

	@Test
	void reportsNoRecoveryWhenTheWindowEndsUnhealthyOrSilent() {
		List<Exchange> history = new ArrayList<>(steadyTraffic(0, 10_000, 100, 200));
		history.addAll(steadyTraffic(10_000, 60_000, 100, 503));
		List<Exchange> silent = new ArrayList<>(steadyTraffic(0, 10_000, 100, 200));
		silent.add(request(Operation.DASHBOARD, 59_000, 10, 200));
		List<Fault> faults = List.of(fault(FaultKind.POSTGRES_RESTART, "postgresql", 10_000, 3_000));

		assertThat(ChaosChecker.check(history, faults, new LedgerBuilder().build()).faults().get(0).recovery())
			.isEmpty();
		assertThat(ChaosChecker.check(silent, faults, new LedgerBuilder().build()).faults().get(0).recovery())
			.isEmpty();
	}

}
