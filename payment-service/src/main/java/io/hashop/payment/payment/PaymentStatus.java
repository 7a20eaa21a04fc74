package io.hashop.payment.payment;

/** The final state of a payment. */
enum PaymentStatus {

	AUTHORIZED, DECLINED

}
