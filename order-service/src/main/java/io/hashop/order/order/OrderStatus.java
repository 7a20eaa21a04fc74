package io.hashop.order.order;

/** Where an order stands with its payment. */
enum OrderStatus {

	PENDING_PAYMENT, PAID, PAYMENT_FAILED

}
