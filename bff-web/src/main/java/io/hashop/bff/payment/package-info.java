/** The caller's payments, read from payment-service's REST API through OpenFeign. */
package io.hashop.bff.payment;
