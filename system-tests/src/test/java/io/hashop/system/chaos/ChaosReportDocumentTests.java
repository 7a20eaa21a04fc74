package io.hashop.system.chaos;

import java.time.Duration;
import java.util.Map;

import io.hashop.system.chaos.ChaosFixtures.LedgerBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosReportDocumentTests {

	static final RunFacts RUN = new RunFacts(ChaosFixtures.EPOCH, "./chaos.sh --minutes 1", Duration.ofSeconds(60), 6,
			Duration.ofSeconds(15), 42, Duration.ofSeconds(3), 0, Map.of("bff-web", 0, "bff-web-2", 1),
			new RunFacts.Machine(2, 8L << 30, "Linux 6.1", "21.0.5"));

	@Test
	void writesTheMachineTheCommandAndATablePerSection() {
		ChaosReport report = ChaosChecker.check(ChaosCheckerTests.cleanHistory(), ChaosCheckerTests.oneKill(),
				ChaosCheckerTests.cleanLedger().build());

		String markdown = new ChaosReportDocument(report, RUN).markdown();

		assertThat(markdown).startsWith("# Chaos report")
			.contains("`./chaos.sh --minutes 1`", "2025-01-01 00:00:00 UTC", "2 CPUs, 8.0 GiB memory")
			.contains("## Verdict", "| PASS |", "## Orders", "## Money", "## HTTP answers", "## Availability",
					"## Faults", "| 1 | 20.0 s | SIGKILL | bff-web-2 |", "## Supervisor", "| bff-web-2 | 1 | 1 |",
					"## Definitions");
	}

	@Test
	void namesEachBrokenInvariantInTheVerdict() {
		ChaosReport report = ChaosChecker.check(ChaosCheckerTests.cleanHistory(), ChaosCheckerTests.oneKill(),
				new LedgerBuilder().paid("o1", 4980).build());

		String text = new ChaosReportDocument(report, RUN).text();

		assertThat(text).containsPattern("FAIL +accepted orders lost \\(not PAID or PAYMENT_FAILED\\): 2");
	}

}
