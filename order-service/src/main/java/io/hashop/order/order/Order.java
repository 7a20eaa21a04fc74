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

	/** Whether the payment is decided; a decided order never changes again. */
	boolean isTerminal() {
		return this.status != OrderStatus.PENDING_PAYMENT;
	}

	/**
	 * The order once its payment was authorized; a decided order stays as it is, so
	 * duplicate and late events have no effect.
	 */
	Order markPaid() {
		return isTerminal() ? this : withStatus(OrderStatus.PAID);
	}

	/** The order once its payment was declined; a decided order stays as it is. */
	Order markPaymentFailed() {
		return isTerminal() ? this : withStatus(OrderStatus.PAYMENT_FAILED);
	}

	private Order withStatus(OrderStatus status) {
		return new Order(this.id, this.userId, this.idempotencyKey, this.requestHash, status, this.totalCents,
				this.currency, this.lines, this.createdAt);
	}

	Order withLines(List<OrderLine> lines) {
		return new Order(this.id, this.userId, this.idempotencyKey, this.requestHash, this.status, this.totalCents,
				this.currency, lines, this.createdAt);
	}

}
