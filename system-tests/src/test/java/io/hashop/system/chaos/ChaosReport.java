package io.hashop.system.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.hashop.system.chaos.FaultWindows.FaultImpact;

/**
 * The checker's findings.
 *
 * @param orders what became of the orders
 * @param money what the provider charged
 * @param http the answers the clients got
 * @param overall every request of the run
 * @param duringFaults the requests sent in a fault's window
 * @param faults each fault and its effect
 */
record ChaosReport(OrderFigures orders, MoneyFigures money, HttpFigures http, Availability overall,
		Availability duringFaults, List<FaultImpact> faults) {

	/** Each broken invariant as a sentence; empty when the run passed. */
	List<String> violations() {
		List<String> violations = new ArrayList<>();
		if (!this.orders.lost().isEmpty()) {
			violations.add("accepted orders lost (not PAID or PAYMENT_FAILED): " + this.orders.lost().size() + ", e.g. "
					+ this.orders.lost().subList(0, Math.min(5, this.orders.lost().size())));
		}
		if (this.orders.acceptedWithoutId() > 0) {
			violations.add("201 answers to POST /api/orders without an order id: " + this.orders.acceptedWithoutId());
		}
		if (this.money.chargedMoreThanOnce() > 0) {
			violations.add("orders charged more than once by the provider: " + this.money.chargedMoreThanOnce());
		}
		if (this.money.paidWithoutOneAuthorizedCharge() > 0) {
			violations.add("PAID orders without exactly one authorized charge: "
					+ this.money.paidWithoutOneAuthorizedCharge());
		}
		if (!this.money.sumsMatch()) {
			violations.add("authorized charges total " + this.money.authorizedCents() + " cents but PAID orders total "
					+ this.money.paidCents() + " cents");
		}
		if (this.http.internalServerErrors() > 0) {
			violations.add("HTTP 500 answers: " + this.http.internalServerErrors());
		}
		return violations;
	}

	boolean passed() {
		return violations().isEmpty();
	}

	/**
	 * Orders, from the history and the orders database.
	 *
	 * @param attempted distinct idempotency keys sent to {@code POST /api/orders}
	 * @param accepted distinct order ids answered 201
	 * @param terminal accepted orders now PAID or PAYMENT_FAILED
	 * @param paid accepted orders now PAID
	 * @param paymentFailed accepted orders now PAYMENT_FAILED
	 * @param lost accepted orders not terminal, or not in the database at all
	 * @param acceptedWithoutId answers 201 without a readable order id
	 * @param abandoned attempted keys that never got a 201 (the client gave up or got a
	 * 4xx)
	 * @param unacknowledged orders in the database whose 201 no client saw (created, then
	 * the answer was lost)
	 * @param pendingInDatabase orders of any kind still PENDING_PAYMENT
	 */
	record OrderFigures(long attempted, long accepted, long terminal, long paid, long paymentFailed, List<String> lost,
			long acceptedWithoutId, long abandoned, long unacknowledged, long pendingInDatabase) {

	}

	/**
	 * Money, from the provider ledger and the orders database (every order of the run,
	 * acknowledged or not).
	 *
	 * @param chargedOrders orders with at least one provider charge
	 * @param chargedMoreThanOnce orders with more than one provider charge
	 * @param paidWithoutOneAuthorizedCharge PAID orders with zero or several authorized
	 * charges
	 * @param authorizedCents the sum of all authorized charges
	 * @param paidCents the sum of the totals of all PAID orders
	 * @param authorizedNotPaid orders with an authorized charge that are not PAID
	 */
	record MoneyFigures(long chargedOrders, long chargedMoreThanOnce, long paidWithoutOneAuthorizedCharge,
			long authorizedCents, long paidCents, long authorizedNotPaid) {

		boolean sumsMatch() {
			return this.authorizedCents == this.paidCents;
		}

	}

	/**
	 * Answers.
	 *
	 * @param internalServerErrors answers HTTP 500
	 * @param outcomes per operation, the count of each status or failure
	 */
	record HttpFigures(long internalServerErrors, Map<Operation, Map<String, Long>> outcomes) {

	}

}
