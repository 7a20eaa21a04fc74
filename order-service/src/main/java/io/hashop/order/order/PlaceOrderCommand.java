package io.hashop.order.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.hashop.contracts.IdempotencyKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An order to place for one user, under a client-chosen idempotency key. */
record PlaceOrderCommand(
		@NotNull(message = "must not be null") @Pattern(regexp = IdempotencyKeys.PATTERN,
				message = IdempotencyKeys.MESSAGE) String idempotencyKey,
		@NotNull(message = "must not be null") @Size(min = 1, max = 50,
				message = "must have 1 to 50 lines") List<@Valid @NotNull Item> items) {

	/** One requested line. */
	record Item(@Min(value = 1, message = "must be a product id") long productId,
			@Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
					message = "must be between 1 and 100") int quantity) {

	}

	/** The distinct products this command names. */
	Set<Long> productIds() {
		return this.items.stream().map(Item::productId).collect(Collectors.toSet());
	}

	/**
	 * A fingerprint of the requested items, independent of their order, that tells a
	 * replay of this request from another request reusing its key.
	 */
	String requestHash() {
		String canonical = this.items.stream()
			.sorted(Comparator.comparingLong(Item::productId).thenComparingInt(Item::quantity))
			.map((item) -> item.productId() + "x" + item.quantity())
			.collect(Collectors.joining(","));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
