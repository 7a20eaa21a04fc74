package io.hashop.order.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lines in PostgreSQL. */
@Repository
class OrderRepository {

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the order unless the user already has one under its idempotency key; a
	 * concurrent insert of the same key waits for the other transaction, then yields.
	 * @param nextPaymentRequestAt when to ask for its payment again if it is still
	 * pending then
	 * @return whether this call inserted it
	 */
	boolean insertIfKeyFree(Order order, Instant nextPaymentRequestAt) {
		int inserted = this.jdbc.sql("""
				INSERT INTO orders (id, user_id, idempotency_key, request_hash, status, total_cents, currency,
				                    created_at, updated_at, next_payment_request_at)
				VALUES (:id, :userId, :key, :hash, :status, :total, :currency, :createdAt, :createdAt, :next)
				ON CONFLICT (user_id, idempotency_key) DO NOTHING
				""")
			.param("id", order.id())
			.param("userId", order.userId())
			.param("key", order.idempotencyKey())
			.param("hash", order.requestHash())
			.param("status", order.status().name())
			.param("total", order.totalCents())
			.param("currency", order.currency())
			.param("createdAt", Timestamp.from(order.createdAt()))
			.param("next", Timestamp.from(nextPaymentRequestAt))
			.update();
		if (inserted == 0) {
			return false;
		}
		List<OrderLine> lines = order.lines();
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			this.jdbc.sql("""
					INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price_cents)
					VALUES (:orderId, :lineNo, :productId, :sku, :name, :quantity, :unitPrice)
					""")
				.param("orderId", order.id())
				.param("lineNo", i + 1)
				.param("productId", line.productId())
				.param("sku", line.sku())
				.param("name", line.name())
				.param("quantity", line.quantity())
				.param("unitPrice", line.unitPriceCents())
				.update();
		}
		return true;
	}

	/** The order, locked until the end of the transaction; without its lines. */
	Optional<Order> findByIdForUpdate(UUID id) {
		return this.jdbc.sql("SELECT * FROM orders WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(OrderRepository::mapOrder)
			.optional();
	}

	/**
	 * Moves an order from one status to another; nothing happens unless it still has the
	 * first.
	 * @return whether the status changed
	 */
	boolean updateStatus(UUID id, OrderStatus from, OrderStatus to, Instant now) {
		return this.jdbc.sql("UPDATE orders SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/**
	 * Records that an event was applied.
	 * @return false if it had been applied before
	 */
	boolean markProcessed(UUID eventId, UUID orderId, String eventType, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO processed_events (event_id, order_id, event_type, processed_at)
				VALUES (:eventId, :orderId, :type, :now) ON CONFLICT (event_id) DO NOTHING
				""")
			.param("eventId", eventId)
			.param("orderId", orderId)
			.param("type", eventType)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<Order> findByIdempotencyKey(UUID userId, String key) {
		return this.jdbc.sql("SELECT * FROM orders WHERE user_id = :userId AND idempotency_key = :key")
			.param("userId", userId)
			.param("key", key)
			.query(OrderRepository::mapOrder)
			.optional()
			.map(this::withLines);
	}

	Optional<Order> findByIdAndUser(UUID id, UUID userId) {
		return this.jdbc.sql("SELECT * FROM orders WHERE id = :id AND user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.query(OrderRepository::mapOrder)
			.optional()
			.map(this::withLines);
	}

	/**
	 * A page of the user's orders, newest first, strictly after the given position if
	 * any.
	 */
	List<Order> findPage(UUID userId, OrderCursor after, int limit) {
		String sql = """
				SELECT * FROM orders WHERE user_id = :userId
				%s
				ORDER BY created_at DESC, id DESC LIMIT :limit
				""".formatted((after != null) ? "AND (created_at, id) < (:createdAt, :id)" : "");
		JdbcClient.StatementSpec query = this.jdbc.sql(sql).param("userId", userId).param("limit", limit);
		if (after != null) {
			query = query.param("createdAt", Timestamp.from(after.createdAt())).param("id", after.id());
		}
		List<Order> orders = query.query(OrderRepository::mapOrder).list();
		Map<UUID, List<OrderLine>> lines = findLines(orders.stream().map(Order::id).toList());
		return orders.stream().map((order) -> order.withLines(lines.getOrDefault(order.id(), List.of()))).toList();
	}

	private Order withLines(Order order) {
		return order.withLines(findLines(List.of(order.id())).getOrDefault(order.id(), List.of()));
	}

	private Map<UUID, List<OrderLine>> findLines(Collection<UUID> orderIds) {
		if (orderIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT * FROM order_lines WHERE order_id IN (:ids) ORDER BY order_id, line_no")
			.param("ids", orderIds)
			.query((row, rowNum) -> Map.entry(row.getObject("order_id", UUID.class),
					new OrderLine(row.getLong("product_id"), row.getString("sku"), row.getString("name"),
							row.getInt("quantity"), row.getLong("unit_price_cents"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	static Order mapOrder(ResultSet row, int rowNum) throws SQLException {
		return new Order(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("idempotency_key"), row.getString("request_hash"),
				OrderStatus.valueOf(row.getString("status")), row.getLong("total_cents"), row.getString("currency"),
				List.of(), instant(row, "created_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getTimestamp(column).toInstant();
	}

}
