package io.hashop.order.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.hashop.contracts.Topics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payment requests of pending orders: when each is due again, and what became of the
 * last one in the outbox.
 */
@Repository
class PaymentRequestRepository {

	private final JdbcClient jdbc;

	PaymentRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A pending order whose payment may be requested again. */
	record PendingPayment(Order order, int paymentRequests) {

	}

	/**
	 * What the outbox knows of an order's payment requests.
	 *
	 * @param unsent whether one is still to be published
	 * @param lastSentAt when the last one was published, or {@code null}
	 * @param traceparent the trace context of the latest one
	 */
	record LastRequest(boolean unsent, Instant lastSentAt, String traceparent) {

	}

	/**
	 * Pending orders due for another payment request, oldest due first, locked until the
	 * end of the transaction; orders another instance has locked are skipped.
	 */
	List<PendingPayment> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM orders
				WHERE status = 'PENDING_PAYMENT' AND next_payment_request_at <= :now
				ORDER BY next_payment_request_at LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((row, rowNum) -> new PendingPayment(OrderRepository.mapOrder(row, rowNum),
					row.getInt("payment_requests")))
			.list();
	}

	/** The outbox's view of these orders' payment requests, for those it still holds. */
	Map<UUID, LastRequest> lastRequests(Collection<UUID> orderIds) {
		return this.jdbc.sql("""
				SELECT message_key, bool_or(sent_at IS NULL) AS unsent, max(sent_at) AS last_sent_at,
				       (array_agg(traceparent ORDER BY id DESC))[1] AS traceparent
				FROM outbox WHERE topic = :topic AND message_key IN (:keys)
				GROUP BY message_key
				""")
			.param("topic", Topics.ORDERS)
			.param("keys", orderIds.stream().map(UUID::toString).toList())
			.query((row, rowNum) -> Map.entry(UUID.fromString(row.getString("message_key")), lastRequest(row)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Records that payment was requested again, and when to ask next. */
	void recordRequest(UUID orderId, int paymentRequests, Instant next) {
		this.jdbc.sql("UPDATE orders SET payment_requests = :requests, next_payment_request_at = :next WHERE id = :id")
			.param("requests", paymentRequests)
			.param("next", Timestamp.from(next))
			.param("id", orderId)
			.update();
	}

	/** Looks at an order again later, without asking for its payment now. */
	void postpone(UUID orderId, Instant next) {
		this.jdbc.sql("UPDATE orders SET next_payment_request_at = :next WHERE id = :id")
			.param("next", Timestamp.from(next))
			.param("id", orderId)
			.update();
	}

	/**
	 * How many orders have waited longer than they should for their outcome, and since
	 * when the oldest pending order waits.
	 */
	PendingStats pendingStats(Instant stuckBefore) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE created_at <= :stuckBefore) AS stuck, min(created_at) AS oldest
				FROM orders WHERE status = 'PENDING_PAYMENT'
				""")
			.param("stuckBefore", Timestamp.from(stuckBefore))
			.query((row, rowNum) -> new PendingStats(row.getLong("stuck"), instantOrNull(row, "oldest")))
			.single();
	}

	/**
	 * @param stuck pending orders older than the re-drive timeout
	 * @param oldest when the oldest pending order was placed, or {@code null}
	 */
	record PendingStats(long stuck, Instant oldest) {

	}

	private static LastRequest lastRequest(ResultSet row) throws SQLException {
		return new LastRequest(row.getBoolean("unsent"), instantOrNull(row, "last_sent_at"),
				row.getString("traceparent"));
	}

	private static Instant instantOrNull(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
