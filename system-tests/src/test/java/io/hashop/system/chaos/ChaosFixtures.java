package io.hashop.system.chaos;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.hashop.system.chaos.Exchange.Failure;
import io.hashop.system.chaos.Ledger.ChargeTally;
import io.hashop.system.chaos.Ledger.StoredOrder;

/** Synthetic histories, faults and ledgers; times in milliseconds of the run clock. */
final class ChaosFixtures {

	static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

	private ChaosFixtures() {
	}

	static long ms(long millis) {
		return millis * 1_000_000;
	}

	static Exchange request(Operation operation, long atMillis, long latencyMillis, int status) {
		return new Exchange(operation, "ada", null, "http://localhost:8080", ms(atMillis), ms(atMillis + latencyMillis),
				EPOCH.plusMillis(atMillis), EPOCH.plusMillis(atMillis + latencyMillis), status, Failure.NONE, null, 0);
	}

	static Exchange failed(Operation operation, long atMillis, long latencyMillis, Failure failure) {
		return new Exchange(operation, "ada", null, "http://localhost:8080", ms(atMillis), ms(atMillis + latencyMillis),
				EPOCH.plusMillis(atMillis), EPOCH.plusMillis(atMillis + latencyMillis), 0, failure, null, 0);
	}

	/** An order attempt; {@code orderId} only with a 201. */
	static Exchange order(String key, long atMillis, int status, String orderId, long totalCents) {
		return new Exchange(Operation.PLACE_ORDER, "ada", key, "http://localhost:8080", ms(atMillis), ms(atMillis + 50),
				EPOCH.plusMillis(atMillis), EPOCH.plusMillis(atMillis + 50), status, Failure.NONE, orderId, totalCents);
	}

	/** An order attempt that got no answer within the client's 10 s. */
	static Exchange timedOutOrder(String key, long atMillis) {
		return new Exchange(Operation.PLACE_ORDER, "ada", key, "http://localhost:8080", ms(atMillis),
				ms(atMillis + 10_000), EPOCH.plusMillis(atMillis), EPOCH.plusMillis(atMillis + 10_000), 0,
				Failure.TIMEOUT, null, 0);
	}

	static Fault fault(FaultKind kind, String target, long atMillis, long tookMillis) {
		return new Fault(kind, target, ms(atMillis), ms(atMillis + tookMillis), EPOCH.plusMillis(atMillis),
				EPOCH.plusMillis(atMillis + tookMillis), "");
	}

	/**
	 * One request every {@code everyMillis} from {@code fromMillis} to before
	 * {@code toMillis}.
	 */
	static List<Exchange> steadyTraffic(long fromMillis, long toMillis, long everyMillis, int status) {
		return LongStream.iterate(fromMillis, (at) -> at < toMillis, (at) -> at + everyMillis)
			.mapToObj((at) -> request(Operation.DASHBOARD, at, 20, status))
			.toList();
	}

	/** Builds what the databases hold. */
	static final class LedgerBuilder {

		private final Map<String, StoredOrder> orders = new HashMap<>();

		private final Map<String, ChargeTally> charges = new HashMap<>();

		/** An order the provider authorized once and order-service marked PAID. */
		LedgerBuilder paid(String id, long totalCents) {
			this.orders.put(id, new StoredOrder("PAID", totalCents));
			this.charges.put(id, new ChargeTally(1, 1, totalCents));
			return this;
		}

		/** An order the provider declined once. */
		LedgerBuilder declined(String id, long totalCents) {
			this.orders.put(id, new StoredOrder("PAYMENT_FAILED", totalCents));
			this.charges.put(id, new ChargeTally(1, 0, 0));
			return this;
		}

		LedgerBuilder order(String id, String status, long totalCents) {
			this.orders.put(id, new StoredOrder(status, totalCents));
			return this;
		}

		LedgerBuilder charges(String id, long charges, long authorized, long authorizedCents) {
			this.charges.put(id, new ChargeTally(charges, authorized, authorizedCents));
			return this;
		}

		Ledger build() {
			return new Ledger(Map.copyOf(this.orders), Map.copyOf(this.charges));
		}

	}

}
