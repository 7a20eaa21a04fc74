package io.hashop.platform.kafka;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import com.google.protobuf.Message;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the service's {@code outbox} table inside the caller's transaction,
 * so that an event exists if and only if the change that caused it was committed. After
 * the commit the relay is woken up to publish it at once. Each entry keeps the trace
 * context of the work that wrote it, which the relay sends as the record's
 * {@code traceparent} header: the consumer's work joins the same trace.
 */
public class OutboxWriter {

	private final JdbcClient jdbc;

	private final OutboxRelay relay;

	private final Supplier<String> currentTraceparent;

	OutboxWriter(JdbcClient jdbc, OutboxRelay relay, Supplier<String> currentTraceparent) {
		this.jdbc = jdbc;
		this.relay = relay;
		this.currentTraceparent = currentTraceparent;
	}

	/**
	 * Appends an event caused by the work now running, in its trace; must run inside a
	 * transaction.
	 * @param topic the topic to publish it to
	 * @param key the record key (the aggregate id)
	 * @param eventId the event's id, also in the payload
	 * @param occurredAt when it happened, also in the payload
	 * @param event the payload
	 */
	public void append(String topic, String key, UUID eventId, Instant occurredAt, Message event) {
		append(topic, key, eventId, occurredAt, event, this.currentTraceparent.get());
	}

	/**
	 * Appends an event in a given trace (a re-sent event stays in the trace of the
	 * first); must run inside a transaction.
	 * @param topic the topic to publish it to
	 * @param key the record key (the aggregate id)
	 * @param eventId the event's id, also in the payload
	 * @param occurredAt when it happened, also in the payload
	 * @param event the payload
	 * @param traceparent the W3C trace context of the causing work, or {@code null}
	 */
	public void append(String topic, String key, UUID eventId, Instant occurredAt, Message event, String traceparent) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The outbox is written inside the transaction of the change it reports");
		}
		this.jdbc.sql("""
				INSERT INTO outbox (event_id, topic, message_key, event_type, payload, occurred_at, traceparent)
				VALUES (:eventId, :topic, :key, :type, :payload, :occurredAt, :traceparent)
				""")
			.param("eventId", eventId)
			.param("topic", topic)
			.param("key", key)
			.param("type", event.getDescriptorForType().getFullName())
			.param("payload", event.toByteArray())
			.param("occurredAt", Timestamp.from(occurredAt))
			.param("traceparent", traceparent)
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				OutboxWriter.this.relay.wakeUp();
			}

		});
	}

}
