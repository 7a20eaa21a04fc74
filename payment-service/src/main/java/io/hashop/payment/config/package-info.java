/** Configuration of the payment service. */
package io.hashop.payment.config;
