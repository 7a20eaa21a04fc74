package io.hashop.order.order;

import java.time.Clock;
import java.time.Instant;
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
		var existing = this.orders.findByIdempotencyKey(userId, command.idempotencyKey());
		if (existing.isPresent()) {
			return replay(existing.get(), command);
		}
		Order order = price(userId, command, this.catalog.findProducts(command.productIds()), this.clock.instant());
		if (this.orders.insertIfKeyFree(order, order.createdAt().plus(this.redrive.timeout()))) {
			publishPlaced(order);
			return new Placed(order, false);
		}
		// A concurrent call with the same key committed first.
		return replay(this.orders.findByIdempotencyKey(userId, command.idempotencyKey()).orElseThrow(), command);
	}

	private void publishPlaced(Order order) {
		UUID eventId = UUID.randomUUID();
		this.outbox.append(Topics.ORDERS, order.id().toString(), eventId, order.createdAt(),
				OrderMessages.toPlacedEvent(eventId, order));
	}

	/**
	 * The order placed earlier under the command's key, if the command asks for the same
	 * items (in any order).
	 * @throws IdempotencyKeyReusedException if it asks for other items
	 */
	static Placed replay(Order earlier, PlaceOrderCommand command) {
		if (!earlier.requestHash().equals(command.requestHash())) {
			throw new IdempotencyKeyReusedException();
		}
		return new Placed(earlier, true);
	}

	/**
	 * A new order for the command, each line priced from the catalog's products.
	 * @param products the catalog's products among those the command names, by id
	 * @param now when the order is placed
	 * @throws UnknownProductException if the catalog lacks a product the command names
	 * @throws MixedCurrenciesException if the products are priced in several currencies
	 */
	static Order price(UUID userId, PlaceOrderCommand command, Map<Long, Product> products, Instant now) {
		Set<Long> productIds = command.productIds();
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
		return new Order(UUID.randomUUID(), userId, command.idempotencyKey(), command.requestHash(),
				OrderStatus.PENDING_PAYMENT, total, currencies.iterator().next(), lines,
				now.truncatedTo(ChronoUnit.MICROS));
	}

}
