package io.hashop.system.chaos;

import java.util.Map;

/**
 * What the databases say happened, after the run.
 *
 * @param orders every order in order-service's {@code orders} table, by id
 * @param charges payment-service's provider ledger ({@code provider_charges}) summed per
 * idempotency key, which is the order id
 */
record Ledger(Map<String, StoredOrder> orders, Map<String, ChargeTally> charges) {

	/**
	 * One order row.
	 *
	 * @param status {@code PENDING_PAYMENT}, {@code PAID} or {@code PAYMENT_FAILED}
	 * @param totalCents its total
	 */
	record StoredOrder(String status, long totalCents) {

		boolean isTerminal() {
			return isPaid() || this.status.equals("PAYMENT_FAILED");
		}

		boolean isPaid() {
			return this.status.equals("PAID");
		}

	}

	/**
	 * The provider's charges of one order.
	 *
	 * @param charges every charge, authorized or declined
	 * @param authorized the authorized ones: money taken
	 * @param authorizedCents the money taken
	 */
	record ChargeTally(long charges, long authorized, long authorizedCents) {

	}

}
