package io.hashop.payment.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments in PostgreSQL; the unique order id makes a second payment of an order
 * impossible.
 */
@Repository
class PaymentRepository {

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the payment unless its order already has one.
	 * @return whether it was recorded
	 */
	boolean insertIfAbsent(Payment payment) {
		return this.jdbc.sql("""
				INSERT INTO payments (id, order_id, user_id, amount_cents, currency, status, provider_reference,
				                      decline_reason, created_at)
				VALUES (:id, :orderId, :userId, :amount, :currency, :status, :reference, :declineReason, :createdAt)
				ON CONFLICT (order_id) DO NOTHING
				""")
			.param("id", payment.id())
			.param("orderId", payment.orderId())
			.param("userId", payment.userId())
			.param("amount", payment.amountCents())
			.param("currency", payment.currency())
			.param("status", payment.status().name())
			.param("reference", payment.providerReference())
			.param("declineReason", payment.declineReason())
			.param("createdAt", Timestamp.from(payment.createdAt()))
			.update() == 1;
	}

	/**
	 * Records that an order event is being handled; a concurrent duplicate waits here
	 * until the first handling commits or rolls back.
	 * @return false if it was handled before
	 */
	boolean markProcessed(UUID eventId, UUID orderId, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO processed_events (event_id, order_id, processed_at) VALUES (:eventId, :orderId, :now)
				ON CONFLICT (event_id) DO NOTHING
				""")
			.param("eventId", eventId)
			.param("orderId", orderId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Whether an order event was handled, by a committed transaction. */
	boolean isProcessed(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :eventId")
			.param("eventId", eventId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Payment> findByOrder(UUID orderId) {
		return this.jdbc.sql("SELECT * FROM payments WHERE order_id = :orderId")
			.param("orderId", orderId)
			.query(PaymentRepository::map)
			.optional();
	}

	Optional<Payment> findByOrderAndUser(UUID orderId, UUID userId) {
		return this.jdbc.sql("SELECT * FROM payments WHERE order_id = :orderId AND user_id = :userId")
			.param("orderId", orderId)
			.param("userId", userId)
			.query(PaymentRepository::map)
			.optional();
	}

	List<Payment> findRecentByUser(UUID userId, int limit) {
		return this.jdbc
			.sql("SELECT * FROM payments WHERE user_id = :userId ORDER BY created_at DESC, id DESC LIMIT :limit")
			.param("userId", userId)
			.param("limit", limit)
			.query(PaymentRepository::map)
			.list();
	}

	private static Payment map(ResultSet row, int rowNum) throws SQLException {
		return new Payment(row.getObject("id", UUID.class), row.getObject("order_id", UUID.class),
				row.getObject("user_id", UUID.class), row.getLong("amount_cents"), row.getString("currency"),
				PaymentStatus.valueOf(row.getString("status")), row.getString("provider_reference"),
				row.getString("decline_reason"), row.getTimestamp("created_at").toInstant());
	}

}
