package io.hashop.order.order;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.hashop.order.catalog.Product;
import io.hashop.order.order.OrderExceptions.IdempotencyKeyReusedException;
import io.hashop.order.order.OrderExceptions.MixedCurrenciesException;
import io.hashop.order.order.OrderExceptions.UnknownProductException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Pricing and the replay rule, without a database. Whether a second call finds the first
 * order (and a concurrent one yields to it) is PostgreSQL's unique key and the
 * transaction's, and the new order's event is the outbox's:
 * OrderGrpcServiceIntegrationTests checks those against the real database.
 */
class OrderPlacementTests {

	static final Product COFFEE_BEANS = new Product(1, "COF-1", "Coffee beans", 2490, "EUR");

	static final Product ESPRESSO_MACHINE = new Product(3, "ESP-1", "Espresso machine", 249000, "EUR");

	static final Product KETTLE_IN_DOLLARS = new Product(5, "KET-1", "Kettle", 3990, "USD");

	final UUID alice = UUID.randomUUID();

	@Test
	void pricesEachLineFromTheCatalog() {
		Instant now = Instant.parse("2025-03-01T10:15:30.123456789Z");

		Order order = OrderPlacement.price(this.alice, command("price-1", item(1, 2), item(3, 1)),
				catalog(COFFEE_BEANS, ESPRESSO_MACHINE), now);

		assertThat(order.lines())
			.extracting(OrderLine::productId, OrderLine::sku, OrderLine::unitPriceCents, OrderLine::totalCents)
			.containsExactly(tuple(1L, "COF-1", 2490L, 4980L), tuple(3L, "ESP-1", 249000L, 249000L));
		assertThat(order.totalCents()).isEqualTo(2 * 2490 + 249000);
		assertThat(order.currency()).isEqualTo("EUR");
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(order.userId()).isEqualTo(this.alice);
		assertThat(order.idempotencyKey()).isEqualTo("price-1");
		assertThat(order.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123456Z"));
	}

	@Test
	void refusesAProductTheCatalogDoesNotHave() {
		assertThatExceptionOfType(UnknownProductException.class)
			.isThrownBy(() -> OrderPlacement.price(this.alice, command("unknown", item(1, 1), item(987654, 1)),
					catalog(COFFEE_BEANS), Instant.now()))
			.withMessageContaining("987654");
	}

	@Test
	void refusesProductsPricedInDifferentCurrencies() {
		assertThatExceptionOfType(MixedCurrenciesException.class).isThrownBy(() -> OrderPlacement.price(this.alice,
				command("mixed", item(1, 1), item(5, 1)), catalog(COFFEE_BEANS, KETTLE_IN_DOLLARS), Instant.now()));
	}

	@Test
	void replaysTheFirstOrderForTheSameKeyAndItemsInAnyOrder() {
		Order first = OrderPlacement.price(this.alice, command("same-key", item(3, 1), item(1, 3)),
				catalog(COFFEE_BEANS, ESPRESSO_MACHINE), Instant.now());

		OrderPlacement.Placed again = OrderPlacement.replay(first, command("same-key", item(1, 3), item(3, 1)));

		assertThat(again.order()).isSameAs(first);
		assertThat(again.replayed()).isTrue();
	}

	@Test
	void refusesTheSameKeyWithOtherItems() {
		Order first = OrderPlacement.price(this.alice, command("reused-key", item(1, 1)), catalog(COFFEE_BEANS),
				Instant.now());

		assertThatExceptionOfType(IdempotencyKeyReusedException.class)
			.isThrownBy(() -> OrderPlacement.replay(first, command("reused-key", item(1, 2))));
	}

	private static PlaceOrderCommand command(String key, PlaceOrderCommand.Item... items) {
		return new PlaceOrderCommand(key, List.of(items));
	}

	private static PlaceOrderCommand.Item item(long productId, int quantity) {
		return new PlaceOrderCommand.Item(productId, quantity);
	}

	private static Map<Long, Product> catalog(Product... products) {
		return Arrays.stream(products).collect(Collectors.toMap(Product::id, Function.identity()));
	}

}
