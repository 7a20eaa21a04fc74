package io.hashop.order.catalog;

/** No product has this id. */
class ProductNotFoundException extends RuntimeException {

	ProductNotFoundException(long id) {
		super("Product " + id + " not found");
	}

}
