package io.hashop.bff.catalog;

import io.hashop.contracts.order.v1.Product;

/** A product of {@code GET /api/products}. */
record ProductResponse(long id, String sku, String name, long priceCents, String currency) {

	static ProductResponse of(Product product) {
		return new ProductResponse(product.getId(), product.getSku(), product.getName(), product.getPriceCents(),
				product.getCurrency());
	}

}
