package io.hashop.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** One leased outbox entry, and the Kafka record it becomes. */
record OutboxEntry(long id, UUID eventId, String topic, String key, String type, byte[] payload, Instant occurredAt,
		String traceparent, int attempts) {

	static OutboxEntry of(ResultSet row, int rowNum) throws SQLException {
		return new OutboxEntry(row.getLong("id"), row.getObject("event_id", UUID.class), row.getString("topic"),
				row.getString("message_key"), row.getString("event_type"), row.getBytes("payload"),
				row.getTimestamp("occurred_at").toInstant(), row.getString("traceparent"), row.getInt("attempts"));
	}

	ProducerRecord<String, byte[]> toRecord() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventHeaders.TYPE, bytes(this.type));
		headers.add(EventHeaders.ID, bytes(this.eventId.toString()));
		headers.add(EventHeaders.TIME, bytes(this.occurredAt.toString()));
		if (this.traceparent != null) {
			headers.add(EventHeaders.TRACEPARENT, bytes(this.traceparent));
		}
		return new ProducerRecord<>(this.topic, null, this.key, this.payload, headers);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
