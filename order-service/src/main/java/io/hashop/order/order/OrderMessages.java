package io.hashop.order.order;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.hashop.contracts.order.v1.OrderPlacedEvent;
import io.hashop.contracts.order.v1.OrderStatus;
import io.hashop.contracts.order.v1.PlaceOrderRequest;

/** Translates between the gRPC messages and the order service's own types. */
final class OrderMessages {

	private OrderMessages() {
	}

	static PlaceOrderCommand toCommand(PlaceOrderRequest request) {
		return new PlaceOrderCommand(request.getIdempotencyKey(),
				request.getItemsList()
					.stream()
					.map((item) -> new PlaceOrderCommand.Item(item.getProductId(), item.getQuantity()))
					.toList());
	}

	static io.hashop.contracts.order.v1.Order toMessage(Order order) {
		io.hashop.contracts.order.v1.Order.Builder message = io.hashop.contracts.order.v1.Order.newBuilder()
			.setId(order.id().toString())
			.setUserId(order.userId().toString())
			.setStatus(OrderStatus.valueOf("ORDER_STATUS_" + order.status().name()))
			.setTotalCents(order.totalCents())
			.setCurrency(order.currency())
			.setCreatedAt(timestamp(order.createdAt()));
		order.lines()
			.forEach((line) -> message.addItems(io.hashop.contracts.order.v1.OrderLine.newBuilder()
				.setProductId(line.productId())
				.setSku(line.sku())
				.setName(line.name())
				.setQuantity(line.quantity())
				.setUnitPriceCents(line.unitPriceCents())
				.setLineTotalCents(line.totalCents())));
		return message.build();
	}

	/**
	 * The event that asks for an order's payment: on placement, and again under a new
	 * event id while the outcome does not come.
	 */
	static OrderPlacedEvent toPlacedEvent(UUID eventId, Order order) {
		return OrderPlacedEvent.newBuilder()
			.setEventId(eventId.toString())
			.setOccurredAt(timestamp(order.createdAt()))
			.setOrderId(order.id().toString())
			.setUserId(order.userId().toString())
			.setTotalCents(order.totalCents())
			.setCurrency(order.currency())
			.build();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

}
