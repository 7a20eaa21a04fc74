package io.hashop.bench.transport;

import java.time.Instant;
import java.util.List;

/**
 * One page of orders as JSON: the fields and values of common/contracts'
 * {@code ListOrdersResponse}, shaped the way a Spring MVC service answers and the BFF's
 * Feign records read them.
 */
record OrderPage(List<Order> orders, String nextCursor) {

	/** A placed order; {@code status} is the name without the proto's prefix. */
	record Order(String id, String userId, String status, long totalCents, String currency, List<Line> items,
			Instant createdAt) {

	}

	/** One line of an order, priced when it was placed. */
	record Line(long productId, String sku, String name, int quantity, long unitPriceCents, long lineTotalCents) {

	}

}
