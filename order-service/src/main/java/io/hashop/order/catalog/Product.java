package io.hashop.order.catalog;

/**
 * A product of the catalog.
 *
 * @param id its id
 * @param sku its stock-keeping unit
 * @param name its display name
 * @param priceCents its current price in minor units
 * @param currency its ISO 4217 currency
 */
public record Product(long id, String sku, String name, long priceCents, String currency) {

}
