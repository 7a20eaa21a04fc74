/** Payments: at most one per order, readable by the order's owner. */
package io.hashop.payment.payment;
