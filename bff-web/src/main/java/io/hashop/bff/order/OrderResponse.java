package io.hashop.bff.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

import io.hashop.contracts.order.v1.Order;

/** An order as the public API shows it. */
public record OrderResponse(String id, @Schema(allowableValues = {
		"PENDING_PAYMENT", "PAID", "PAYMENT_FAILED" }) String status, long totalCents, String currency,
		List<Item> items, Instant createdAt){

	/** One line of an order. */
	public record Item(long productId, String sku, String name, int quantity, long unitPriceCents,
			long lineTotalCents) {

	}

	public static OrderResponse of(Order order) {
		return new OrderResponse(order.getId(), order.getStatus().name().replace("ORDER_STATUS_", ""),
				order.getTotalCents(), order.getCurrency(),
				order.getItemsList()
					.stream()
					.map((line) -> new Item(line.getProductId(), line.getSku(), line.getName(), line.getQuantity(),
							line.getUnitPriceCents(), line.getLineTotalCents()))
					.toList(),
				Instant.ofEpochSecond(order.getCreatedAt().getSeconds(), order.getCreatedAt().getNanos()));
	}

}
