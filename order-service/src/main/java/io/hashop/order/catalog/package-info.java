/** The product catalog: the only source of prices. */
package io.hashop.order.catalog;
