package io.hashop.order.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hashop.platform.error.InvalidRequestException;

/**
 * An opaque position in a user's order list: the creation time and id of the last order
 * seen.
 *
 * <p>
 * A cursor comes from the client, so {@link #decode(String)} accepts exactly what
 * {@link #encode()} produces and nothing else: anything else (bad base64, another shape,
 * extra fields, a time PostgreSQL or {@code java.sql.Timestamp} cannot hold) is an
 * {@link InvalidRequestException}, never an internal error.
 */
record OrderCursor(Instant createdAt, UUID id) {

	/** Longer than any cursor {@link #encode()} produces (about 72 characters). */
	static final int MAX_LENGTH = 128;

	/**
	 * Orders are created in the present; these bounds keep every cursor a valid query.
	 */
	private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private static final Pattern SHAPE = Pattern
		.compile("(0|[1-9][0-9]{0,17}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

	static OrderCursor after(Order order) {
		return new OrderCursor(order.createdAt(), order.id());
	}

	String encode() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.createdAt);
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((micros + ":" + this.id).getBytes(StandardCharsets.UTF_8));
	}

	static OrderCursor decode(String cursor) {
		if (cursor.length() > MAX_LENGTH || !BASE64URL.matcher(cursor).matches()) {
			throw invalid();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		Matcher parts = SHAPE.matcher(new String(bytes, StandardCharsets.US_ASCII));
		if (!parts.matches()) {
			throw invalid();
		}
		long micros = Long.parseLong(parts.group(1));
		Instant createdAt = Instant.EPOCH.plusSeconds(micros / 1_000_000).plusNanos((micros % 1_000_000) * 1_000);
		if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
			throw invalid();
		}
		OrderCursor decoded = new OrderCursor(createdAt, UUID.fromString(parts.group(2)));
		// Only the canonical spelling: one position has one cursor.
		if (!decoded.encode().equals(cursor)) {
			throw invalid();
		}
		return decoded;
	}

	private static InvalidRequestException invalid() {
		return InvalidRequestException.of("cursor", "is not a cursor returned by this API");
	}

}
