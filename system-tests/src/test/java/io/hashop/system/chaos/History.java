package io.hashop.system.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * Every exchange of every shopper, in the order they ended. Bounded so that a long run
 * cannot exhaust the test's heap; accepted orders are kept beyond the bound because they
 * are the facts the checker must not miss, and they are few next to the reads.
 */
final class History {

	/** About 200 bytes each: some 100 MB at most. */
	static final int DEFAULT_CAPACITY = 500_000;

	private final int capacity;

	private final List<Exchange> exchanges = new ArrayList<>();

	private long dropped;

	History() {
		this(DEFAULT_CAPACITY);
	}

	History(int capacity) {
		this.capacity = capacity;
	}

	synchronized void record(Exchange exchange) {
		if (this.exchanges.size() < this.capacity || exchange.isAcceptedOrder()) {
			this.exchanges.add(exchange);
		}
		else {
			this.dropped++;
		}
	}

	synchronized List<Exchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	/** Exchanges not kept because the history was full. */
	synchronized long dropped() {
		return this.dropped;
	}

}
