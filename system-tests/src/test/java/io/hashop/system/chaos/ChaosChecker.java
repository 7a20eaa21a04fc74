package io.hashop.system.chaos;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.hashop.system.chaos.ChaosReport.HttpFigures;
import io.hashop.system.chaos.ChaosReport.MoneyFigures;
import io.hashop.system.chaos.ChaosReport.OrderFigures;
import io.hashop.system.chaos.FaultWindows.FaultImpact;
import io.hashop.system.chaos.Ledger.ChargeTally;
import io.hashop.system.chaos.Ledger.StoredOrder;

/**
 * Holds the clients' history and the faults against what the databases say: nothing
 * accepted lost, nothing charged twice, money taken matching what was paid, no 500; and
 * measures availability, latency and recovery around each fault. Pure: no I/O.
 */
final class ChaosChecker {

	/** Statuses in numeric order, then the failures. */
	static final Comparator<String> OUTCOME_ORDER = Comparator
		.comparing((String outcome) -> !outcome.chars().allMatch(Character::isDigit))
		.thenComparing(Comparator.naturalOrder());

	private static final ChargeTally NO_CHARGE = new ChargeTally(0, 0, 0);

	private ChaosChecker() {
	}

	static ChaosReport check(List<Exchange> history, List<Fault> faults, Ledger ledger) {
		List<FaultImpact> impacts = FaultWindows.impacts(faults, history);
		return new ChaosReport(orders(history, ledger), money(ledger), http(history), Availability.of(history),
				FaultWindows.duringFaults(impacts, history), impacts);
	}

	/** The order ids answered 201: what the platform promised to see through. */
	static Set<String> acceptedOrderIds(List<Exchange> history) {
		return history.stream().filter(Exchange::isAcceptedOrder).map(Exchange::orderId).collect(Collectors.toSet());
	}

	static OrderFigures orders(List<Exchange> history, Ledger ledger) {
		Set<String> accepted = acceptedOrderIds(history);
		List<Exchange> placements = history.stream()
			.filter((exchange) -> exchange.operation() == Operation.PLACE_ORDER)
			.toList();
		Set<String> attempted = placements.stream()
			.map((exchange) -> exchange.user() + "/" + exchange.idempotencyKey())
			.collect(Collectors.toSet());
		Set<String> answered = placements.stream()
			.filter((exchange) -> exchange.status() == 201)
			.map((exchange) -> exchange.user() + "/" + exchange.idempotencyKey())
			.collect(Collectors.toSet());
		long withoutId = placements.stream()
			.filter((exchange) -> exchange.status() == 201 && exchange.orderId() == null)
			.count();
		List<String> lost = accepted.stream()
			.filter((id) -> !ledger.orders().containsKey(id) || !ledger.orders().get(id).isTerminal())
			.sorted()
			.toList();
		long paid = count(accepted, ledger, StoredOrder::isPaid);
		long failed = count(accepted, ledger, (order) -> order.status().equals("PAYMENT_FAILED"));
		long unacknowledged = ledger.orders().keySet().stream().filter((id) -> !accepted.contains(id)).count();
		long pending = ledger.orders().values().stream().filter((order) -> !order.isTerminal()).count();
		return new OrderFigures(attempted.size(), accepted.size(), accepted.size() - lost.size(), paid, failed, lost,
				withoutId, attempted.size() - answered.size(), unacknowledged, pending);
	}

	static MoneyFigures money(Ledger ledger) {
		Map<String, ChargeTally> charges = ledger.charges();
		long twice = charges.values().stream().filter((tally) -> tally.charges() > 1).count();
		long paidWithoutOne = ledger.orders()
			.entrySet()
			.stream()
			.filter((order) -> order.getValue().isPaid())
			.filter((order) -> charges.getOrDefault(order.getKey(), NO_CHARGE).authorized() != 1)
			.count();
		long authorizedCents = charges.values().stream().mapToLong(ChargeTally::authorizedCents).sum();
		long paidCents = ledger.orders()
			.values()
			.stream()
			.filter(StoredOrder::isPaid)
			.mapToLong(StoredOrder::totalCents)
			.sum();
		long authorizedNotPaid = charges.entrySet()
			.stream()
			.filter((charge) -> charge.getValue().authorized() > 0)
			.filter((charge) -> !ledger.orders().containsKey(charge.getKey())
					|| !ledger.orders().get(charge.getKey()).isPaid())
			.count();
		return new MoneyFigures(charges.size(), twice, paidWithoutOne, authorizedCents, paidCents, authorizedNotPaid);
	}

	static HttpFigures http(List<Exchange> history) {
		long internalServerErrors = history.stream().filter((exchange) -> exchange.status() == 500).count();
		Map<Operation, Map<String, Long>> outcomes = new EnumMap<>(Operation.class);
		for (Exchange exchange : history) {
			outcomes.computeIfAbsent(exchange.operation(), (operation) -> new TreeMap<>(OUTCOME_ORDER))
				.merge(exchange.outcome(), 1L, Long::sum);
		}
		return new HttpFigures(internalServerErrors, outcomes);
	}

	private static long count(Set<String> ids, Ledger ledger, Predicate<StoredOrder> test) {
		return ids.stream().map(ledger.orders()::get).filter(Objects::nonNull).filter(test).count();
	}

}
