package io.hashop.order.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import io.hashop.platform.error.InvalidRequestException;

/**
 * An opaque position in a user's order list: the creation time and id of the last order
 * seen.
 */
record OrderCursor(Instant createdAt, UUID id) {

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
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
			Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
			return new OrderCursor(createdAt, UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			throw InvalidRequestException.of("cursor", "is not a cursor returned by this API");
		}
	}

}
