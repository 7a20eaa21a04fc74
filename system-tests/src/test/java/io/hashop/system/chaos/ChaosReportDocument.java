package io.hashop.system.chaos;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.hashop.system.chaos.ChaosReport.MoneyFigures;
import io.hashop.system.chaos.ChaosReport.OrderFigures;
import io.hashop.system.chaos.FaultWindows.FaultImpact;

/** The report as tables: Markdown for the file, text for the console. */
final class ChaosReportDocument {

	static final String DEFINITIONS = """
			## Definitions

			- **request**: one HTTP attempt; a client's retry is a request of its own.
			- **available**: the request got an HTTP answer below 500. A 4xx counts: a 401 after Redis lost \
			the sessions is an answer the client handles by signing in again. Unavailable: a 5xx, a \
			connection error, or no answer within the client's 10 s timeout.
			- **fault window**: from the fault's start to 30 s after its action ended (the kill returned, \
			the server was up again), or to the next fault's start if that is earlier. A request belongs to \
			the window in which it was sent.
			- **p99**: the nearest-rank 99th percentile of request latency; failed requests count with the \
			time the client waited.
			- **recovery**: from the fault's start to the end of the last 2 s window (sliding by 250 ms) \
			within the fault window in which fewer than 95 % of the requests sent were available; a window \
			without any request while the traffic ran counts as unavailable. 0 s: the clients never saw the \
			fault. "not recovered": the fault window ended below 95 %.
			- **accepted**: distinct order ids answered 201. **lost**: accepted, but not PAID or \
			PAYMENT_FAILED in the orders database once the traffic stopped and the saga drained.
			- **faults**: one every fault interval, counted from the end of the previous fault's action; \
			a kill waits until every instance of its service is ready, so it never takes the last one; \
			killed instances are restarted by the launcher's supervisor, not by the test. No fault starts \
			in the run's last interval.
			- **charges**: rows of payment-service's provider ledger (`provider_charges`), keyed by order id. \
			The key is that table's primary key, so a second charge of one order cannot be stored under \
			the same key; the sums and "exactly one authorized charge per PAID order" catch money taken \
			otherwise.
			""";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private final ChaosReport report;

	private final RunFacts run;

	ChaosReportDocument(ChaosReport report, RunFacts run) {
		this.report = report;
		this.run = run;
	}

	String markdown() {
		return "# Chaos report\n\nProduced by `" + this.run.command() + "` on " + date() + ".\n\n"
				+ tables().stream().map(Table::markdown).collect(Collectors.joining()) + DEFINITIONS;
	}

	String text() {
		return tables().stream().map(Table::text).collect(Collectors.joining());
	}

	List<Table> tables() {
		return List.of(runTable(), verdictTable(), ordersTable(), moneyTable(), httpTable(), availabilityTable(),
				faultsTable(), supervisorTable());
	}

	private Table runTable() {
		return figures("Run", List.of(row("command", this.run.command()), row("date", date()),
				row("machine", this.run.machine().describe()), row("traffic and faults", seconds(this.run.duration())),
				row("users", this.run.users()), row("fault interval", seconds(this.run.faultInterval())),
				row("faults", this.report.faults().size()), row("seed", this.run.seed()),
				row("drain after the traffic", seconds(this.run.drain())),
				row("requests", this.report.overall().requests()),
				row("history entries dropped (full)", this.run.historyDropped())));
	}

	private Table verdictTable() {
		List<String> violations = this.report.violations();
		List<List<String>> rows = violations.isEmpty() ? List.of(row("PASS", "every invariant held"))
				: violations.stream().map((violation) -> row("FAIL", violation)).toList();
		return new Table("Verdict", List.of("result", "invariant"), rows);
	}

	private Table ordersTable() {
		OrderFigures orders = this.report.orders();
		return figures("Orders: nothing accepted is lost",
				List.of(row("order attempts (idempotency keys)", orders.attempted()),
						row("accepted (201)", orders.accepted()), row("terminal", orders.terminal()),
						row("PAID", orders.paid()), row("PAYMENT_FAILED", orders.paymentFailed()),
						row("lost (must be 0)", orders.lost().size()),
						row("201 without an order id (must be 0)", orders.acceptedWithoutId()),
						row("attempts never accepted (client gave up or got a 4xx)", orders.abandoned()),
						row("created but the 201 never reached a client", orders.unacknowledged()),
						row("still PENDING_PAYMENT in the database", orders.pendingInDatabase())));
	}

	private Table moneyTable() {
		MoneyFigures money = this.report.money();
		return figures("Money: nothing charged twice",
				List.of(row("orders with a provider charge", money.chargedOrders()),
						row("orders charged more than once (must be 0)", money.chargedMoreThanOnce()),
						row("PAID orders without exactly one authorized charge (must be 0)",
								money.paidWithoutOneAuthorizedCharge()),
						row("Σ authorized charges (cents)", money.authorizedCents()),
						row("Σ totals of PAID orders (cents)", money.paidCents()),
						row("Σ charges == Σ PAID", money.sumsMatch() ? "yes" : "NO"),
						row("authorized charges of orders not PAID", money.authorizedNotPaid())));
	}

	private Table httpTable() {
		Map<Operation, Map<String, Long>> outcomes = this.report.http().outcomes();
		TreeSet<String> columns = new TreeSet<>(ChaosChecker.OUTCOME_ORDER);
		outcomes.values().forEach((counts) -> columns.addAll(counts.keySet()));
		List<String> headers = new ArrayList<>(List.of("operation"));
		headers.addAll(columns);
		List<List<String>> rows = outcomes.entrySet().stream().map((entry) -> {
			List<String> row = new ArrayList<>(List.of(entry.getKey().call()));
			columns.forEach((column) -> row.add(String.valueOf(entry.getValue().getOrDefault(column, 0L))));
			return row;
		}).toList();
		return new Table("HTTP answers (HTTP 500 must be 0: " + this.report.http().internalServerErrors() + ")",
				headers, rows);
	}

	private Table availabilityTable() {
		return new Table("Availability and latency", List.of("scope", "requests", "available", "availability", "p99"),
				List.of(availability("during faults", this.report.duringFaults()),
						availability("whole run", this.report.overall())));
	}

	private Table faultsTable() {
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (FaultImpact impact : this.report.faults()) {
			Fault fault = impact.fault();
			rows.add(List.of(String.valueOf(n++), seconds(Duration.ofNanos(fault.startNanos())), fault.kind().label(),
					fault.target(), seconds(Duration.ofNanos(fault.durationNanos())),
					seconds(Duration.ofNanos(impact.windowEndNanos() - impact.windowStartNanos())),
					String.valueOf(impact.availability().requests()), percent(impact.availability().share()),
					millis(impact.availability().p99()),
					impact.recovery().map(ChaosReportDocument::seconds).orElse("not recovered"), fault.note()));
		}
		return new Table("Faults", List.of("#", "at", "fault", "target", "action took", "window", "requests",
				"availability", "p99", "recovery", "note"), rows);
	}

	private Table supervisorTable() {
		Map<String, Long> kills = this.report.faults()
			.stream()
			.filter((impact) -> impact.fault().kind() == FaultKind.KILL)
			.collect(Collectors.groupingBy((impact) -> impact.fault().target(), Collectors.counting()));
		List<List<String>> rows = this.run.restarts()
			.entrySet()
			.stream()
			.map((entry) -> row(entry.getKey(), kills.getOrDefault(entry.getKey(), 0L), entry.getValue()))
			.toList();
		return new Table("Supervisor: killed instances come back", List.of("instance", "SIGKILLs", "restarts"), rows);
	}

	private String date() {
		return DATE.format(this.run.startedAt().atOffset(ZoneOffset.UTC)) + " UTC";
	}

	private static Table figures(String title, List<List<String>> rows) {
		return new Table(title, List.of("figure", "value"), rows);
	}

	private static List<String> availability(String scope, Availability availability) {
		return List.of(scope, String.valueOf(availability.requests()), String.valueOf(availability.available()),
				percent(availability.share()), millis(availability.p99()));
	}

	private static List<String> row(Object... cells) {
		return Arrays.stream(cells).map(String::valueOf).toList();
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.2f %%", share * 100);
	}

}
