/**
 * Orders: idempotent placement priced from the catalog, and reads scoped to their owner.
 */
package io.hashop.order.order;
