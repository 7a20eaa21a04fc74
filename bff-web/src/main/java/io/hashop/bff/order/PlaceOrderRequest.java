package io.hashop.bff.order;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/orders}: what to buy; prices come from the catalog, never from here.
 */
record PlaceOrderRequest(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Line> items) {

	/** One line: 1-100 units of a product. */
	record Line(@NotNull @Min(1) Long productId, @NotNull @Min(1) @Max(100) Integer quantity) {

	}

}
