package io.hashop.order.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A placed order; its lines and total never change, only its status does. */
record Order(UUID id, UUID userId, String idempotencyKey, String requestHash, OrderStatus status, long totalCents,
		String currency, List<OrderLine> lines, Instant createdAt) {

	Order {
		lines = List.copyOf(lines);
	}

	Order withLines(List<OrderLine> lines) {
		return new Order(this.id, this.userId, this.idempotencyKey, this.requestHash, this.status, this.totalCents,
				this.currency, lines, this.createdAt);
	}

}
