package io.hashop.order.catalog;

/** No product has this id. */
public class ProductNotFoundException extends RuntimeException {

	public ProductNotFoundException(long id) {
		super("Product " + id + " not found");
	}

}
