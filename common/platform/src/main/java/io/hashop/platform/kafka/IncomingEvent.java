package io.hashop.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A consumed event record: its type, id and trace context from the headers, and the
 * protobuf payload, parsed on demand. Anything malformed is a
 * {@link PoisonEventException}.
 *
 * @param topic the topic it came from
 * @param key the record key (the order id)
 * @param type the full protobuf name of the payload
 * @param eventId the event's id
 * @param traceparent the W3C trace context, or {@code null}
 * @param payload the serialized message
 */
public record IncomingEvent(String topic, String key, String type, UUID eventId, String traceparent, byte[] payload) {

	/**
	 * Reads the headers of a record.
	 * @throws PoisonEventException without an event type, an event id that is a UUID, or
	 * a payload
	 */
	public static IncomingEvent of(ConsumerRecord<String, byte[]> record) {
		Headers headers = record.headers();
		String type = header(headers, EventHeaders.TYPE);
		if (type == null || type.isBlank()) {
			throw new PoisonEventException("No " + EventHeaders.TYPE + " header");
		}
		if (record.value() == null) {
			throw new PoisonEventException("No payload");
		}
		return new IncomingEvent(record.topic(), record.key(), type, uuid(header(headers, EventHeaders.ID)),
				header(headers, EventHeaders.TRACEPARENT), record.value());
	}

	/** Whether the payload is this message type. */
	public boolean is(Message prototype) {
		return this.type.equals(prototype.getDescriptorForType().getFullName());
	}

	/**
	 * Parses the payload.
	 * @throws PoisonEventException if the bytes are not such a message
	 */
	public <T extends Message> T parse(Parser<T> parser) {
		try {
			return parser.parseFrom(this.payload);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new PoisonEventException("Payload is not a valid " + this.type, ex);
		}
	}

	/** The record's type is none this consumer knows. */
	public PoisonEventException unknownType() {
		return new PoisonEventException("Unknown event type " + this.type + " on " + this.topic);
	}

	/**
	 * Parses a UUID field of a payload.
	 * @throws PoisonEventException if it is not one
	 */
	public static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new PoisonEventException("Not a UUID: " + value, ex);
		}
	}

	private static String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
