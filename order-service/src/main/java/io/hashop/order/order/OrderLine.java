package io.hashop.order.order;

/** One line of an order, priced from the catalog when the order was placed. */
record OrderLine(long productId, String sku, String name, int quantity, long unitPriceCents) {

	long totalCents() {
		return Math.multiplyExact(this.unitPriceCents, this.quantity);
	}

}
