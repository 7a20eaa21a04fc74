package io.hashop.order.order;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.hashop.contracts.Topics;
import io.hashop.order.catalog.Catalog;
import io.hashop.order.catalog.Product;
import io.hashop.order.order.OrderExceptions.IdempotencyKeyReusedException;
import io.hashop.order.order.OrderExceptions.MixedCurrenciesException;
import io.hashop.order.order.OrderExceptions.UnknownProductException;
import io.hashop.platform.error.RequestValidator;
import io.hashop.platform.kafka.OutboxWriter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders idempotently: one order per user and idempotency key, priced from the
 * catalog only. A replay of the same request returns the first order; another request
 * under the same key is refused. A new order and its {@code OrderPlacedEvent} are
 * committed together (transactional outbox), so every accepted order reaches payment; an
 * order whose outcome does not come is asked for again ({@link PaymentRedrive}).
 */
@Service
class OrderPlacement {

	private final OrderRepository orders;

	private final Catalog catalog;

	private final RequestValidator validator;

	private final OutboxWriter outbox;

	private final PaymentRedriveProperties redrive;

	private final Clock clock;

	OrderPlacement(OrderRepository orders, Catalog catalog, RequestValidator validator, OutboxWriter outbox,
			PaymentRedriveProperties redrive, Clock clock) {
		this.orders = orders;
		this.catalog = catalog;
		this.validator = validator;
		this.outbox = outbox;
		this.redrive = redrive;
		this.clock = clock;
	}

	/**
	 * The placed order, and whether it was placed by an earlier call with the same key.
	 */
	record Placed(Order order, boolean replayed) {

	}

	/**
	 * Places an order, or replays the one placed earlier under the same key.
	 * @param userId the caller
	 * @param command what to order
	 */
	@Transactional
	Placed place(UUID userId, PlaceOrderCommand command) {
		this.validator.validate(command);
		String requestHash = command.requestHash();
		var existing = this.orders.findByIdempotencyKey(userId, command.idempotencyKey());
		if (existing.isPresent()) {
			return replay(existing.get(), requestHash);
		}
		Order order = price(userId, command, requestHash);
		if (this.orders.insertIfKeyFree(order, order.createdAt().plus(this.redrive.timeout()))) {
			publishPlaced(order);
			return new Placed(order, false);
		}
		// A concurrent call with the same key committed first.
		return replay(this.orders.findByIdempotencyKey(userId, command.idempotencyKey()).orElseThrow(), requestHash);
	}

	private void publishPlaced(Order order) {
		UUID eventId = UUID.randomUUID();
		this.outbox.append(Topics.ORDERS, order.id().toString(), eventId, order.createdAt(),
				OrderMessages.toPlacedEvent(eventId, order));
	}

	private static Placed replay(Order earlier, String requestHash) {
		if (!earlier.requestHash().equals(requestHash)) {
			throw new IdempotencyKeyReusedException();
		}
		return new Placed(earlier, true);
	}

	private Order price(UUID userId, PlaceOrderCommand command, String requestHash) {
		Set<Long> productIds = command.items()
			.stream()
			.map(PlaceOrderCommand.Item::productId)
			.collect(Collectors.toSet());
		Map<Long, Product> products = this.catalog.findProducts(productIds);
		if (products.size() != productIds.size()) {
			throw new UnknownProductException(productIds.stream().filter((id) -> !products.containsKey(id)).toList());
		}
		Set<String> currencies = products.values().stream().map(Product::currency).collect(Collectors.toSet());
		if (currencies.size() != 1) {
			throw new MixedCurrenciesException();
		}
		List<OrderLine> lines = command.items().stream().map((item) -> {
			Product product = products.get(item.productId());
			return new OrderLine(product.id(), product.sku(), product.name(), item.quantity(), product.priceCents());
		}).toList();
		long total = lines.stream().mapToLong(OrderLine::totalCents).reduce(0, Math::addExact);
		return new Order(UUID.randomUUID(), userId, command.idempotencyKey(), requestHash, OrderStatus.PENDING_PAYMENT,
				total, currencies.iterator().next(), lines, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

}
