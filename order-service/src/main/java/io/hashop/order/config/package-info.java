/** Configuration of the order service. */
package io.hashop.order.config;
