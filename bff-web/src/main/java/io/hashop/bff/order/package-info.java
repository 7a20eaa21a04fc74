/** The caller's orders: idempotent placement and reads, from order-service. */
package io.hashop.bff.order;
