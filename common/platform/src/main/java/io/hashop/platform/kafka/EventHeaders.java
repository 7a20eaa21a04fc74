package io.hashop.platform.kafka;

/**
 * The headers every event record carries. The payload is the protobuf message itself;
 * what it is, and which event it is, travel beside it.
 */
public final class EventHeaders {

	/**
	 * The full protobuf name of the payload, for example
	 * {@code hashop.order.v1.OrderPlacedEvent}.
	 */
	public static final String TYPE = "event-type";

	/** The event's id (a UUID): consumers deduplicate by it. */
	public static final String ID = "event-id";

	/** When the event happened, ISO-8601. */
	public static final String TIME = "event-time";

	/** The W3C trace context of the work that caused the event, when known. */
	public static final String TRACEPARENT = "traceparent";

	private EventHeaders() {
	}

}
