package io.hashop.order.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Products in PostgreSQL. */
@Repository
class ProductRepository {

	private static final String COLUMNS = "SELECT id, sku, name, price_cents, currency FROM products";

	private final JdbcClient jdbc;

	ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Product> findAll() {
		return this.jdbc.sql(COLUMNS + " ORDER BY id").query(Product.class).list();
	}

	List<Product> findAllById(Collection<Long> ids) {
		return this.jdbc.sql(COLUMNS + " WHERE id IN (:ids)").param("ids", ids).query(Product.class).list();
	}

	Optional<Product> updatePrice(long id, long priceCents) {
		return this.jdbc.sql("""
				UPDATE products SET price_cents = :price, updated_at = now() WHERE id = :id
				RETURNING id, sku, name, price_cents, currency
				""").param("id", id).param("price", priceCents).query(Product.class).optional();
	}

}
