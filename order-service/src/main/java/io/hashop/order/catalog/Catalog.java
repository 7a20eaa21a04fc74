package io.hashop.order.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.hashop.platform.error.InvalidRequestException;
import io.hashop.platform.identity.CallerIdentity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the catalog and changes prices (admins only). Public for one use only: orders are
 * priced from {@link #findProducts(Collection)}.
 */
@Service
public class Catalog {

	/** The highest accepted price: 1,000,000.00 in minor units. */
	static final long MAX_PRICE_CENTS = 100_000_000L;

	private final ProductRepository products;

	Catalog(ProductRepository products) {
		this.products = products;
	}

	List<Product> listProducts() {
		return this.products.findAll();
	}

	/** The products with these ids that exist, by id. */
	public Map<Long, Product> findProducts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.products.findAllById(ids).stream().collect(Collectors.toMap(Product::id, Function.identity()));
	}

	@Transactional
	Product updatePrice(CallerIdentity caller, long productId, long priceCents) {
		if (!caller.isAdmin()) {
			throw new AdminRequiredException();
		}
		if (priceCents <= 0 || priceCents > MAX_PRICE_CENTS) {
			throw InvalidRequestException.of("priceCents", "must be between 1 and " + MAX_PRICE_CENTS);
		}
		return this.products.updatePrice(productId, priceCents)
			.orElseThrow(() -> new ProductNotFoundException(productId));
	}

}
