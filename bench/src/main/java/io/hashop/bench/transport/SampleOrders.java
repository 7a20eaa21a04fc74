package io.hashop.bench.transport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderLine;
import io.hashop.contracts.order.v1.OrderStatus;

/**
 * The payload both arms carry: a page of five orders of three lines each, the same fields
 * and values over gRPC and as JSON, and a bearer token per call.
 */
final class SampleOrders {

	static final int PAGE_SIZE = 5;

	private static final String[][] PRODUCTS = { { "SKU-0001", "Espresso beans, 1 kg" },
			{ "SKU-0002", "Ceramic pour-over dripper" }, { "SKU-0003", "Paper filters, size 02, 100 pcs" },
			{ "SKU-0004", "Burr grinder, hand-cranked" }, { "SKU-0005", "Milk jug, 350 ml, stainless steel" } };

	private static final String USER_ID = UUID.nameUUIDFromBytes("bench-user".getBytes(StandardCharsets.UTF_8))
		.toString();

	/**
	 * As long as the BFF's internal tokens (an HS256 JWT with issuer, audience, subject,
	 * roles, times and an id: about 290 characters). The BFF mints one per call, so each
	 * call here carries a new one too: no header compression can reuse the last one.
	 */
	private static final String TOKEN_HEAD = "Bearer eyJhbGciOiJIUzI1NiJ9." + "eyJpc3MiOiJoYXNob3AtYmZmIiwi".repeat(7);

	private static final String TOKEN_TAIL = ".Zk3f0uQx9b1sL2wq7TzP4yH8nVc6mJ5aE0rKdGiBoXw";

	private static final OrderPage PAGE = page();

	private SampleOrders() {
	}

	/**
	 * The page as the Spring MVC controller answers it, copied into new response records
	 * as a service maps its domain objects (so each side builds its answer per call).
	 */
	static OrderPage json() {
		List<OrderPage.Order> orders = new ArrayList<>(PAGE.orders().size());
		for (OrderPage.Order order : PAGE.orders()) {
			List<OrderPage.Line> lines = new ArrayList<>(order.items().size());
			for (OrderPage.Line line : order.items()) {
				lines.add(new OrderPage.Line(line.productId(), line.sku(), line.name(), line.quantity(),
						line.unitPriceCents(), line.lineTotalCents()));
			}
			orders.add(new OrderPage.Order(order.id(), order.userId(), order.status(), order.totalCents(),
					order.currency(), lines, order.createdAt()));
		}
		return new OrderPage(orders, PAGE.nextCursor());
	}

	/**
	 * The same page as a protobuf message, built anew as a gRPC service builds its
	 * answer.
	 */
	static ListOrdersResponse proto() {
		ListOrdersResponse.Builder response = ListOrdersResponse.newBuilder().setNextCursor(PAGE.nextCursor());
		for (OrderPage.Order order : PAGE.orders()) {
			Order.Builder message = Order.newBuilder()
				.setId(order.id())
				.setUserId(order.userId())
				.setStatus(OrderStatus.valueOf("ORDER_STATUS_" + order.status()))
				.setTotalCents(order.totalCents())
				.setCurrency(order.currency())
				.setCreatedAt(Timestamp.newBuilder()
					.setSeconds(order.createdAt().getEpochSecond())
					.setNanos(order.createdAt().getNano()));
			for (OrderPage.Line line : order.items()) {
				message.addItems(OrderLine.newBuilder()
					.setProductId(line.productId())
					.setSku(line.sku())
					.setName(line.name())
					.setQuantity(line.quantity())
					.setUnitPriceCents(line.unitPriceCents())
					.setLineTotalCents(line.lineTotalCents()));
			}
			response.addOrders(message);
		}
		return response.build();
	}

	/** A new bearer token, the value of the {@code Authorization} header of one call. */
	static String authorization() {
		return TOKEN_HEAD + UUID.randomUUID() + TOKEN_TAIL;
	}

	private static OrderPage page() {
		Instant first = Instant.parse("2026-11-02T09:14:27.318Z");
		List<OrderPage.Order> orders = new ArrayList<>();
		for (int o = 0; o < PAGE_SIZE; o++) {
			List<OrderPage.Line> lines = new ArrayList<>();
			long total = 0;
			for (int l = 0; l < 3; l++) {
				int product = (o + l) % PRODUCTS.length;
				int quantity = 1 + (o * 3 + l) % 4;
				long unitPrice = 499 + 1250L * product;
				lines.add(new OrderPage.Line(product + 1, PRODUCTS[product][0], PRODUCTS[product][1], quantity,
						unitPrice, unitPrice * quantity));
				total += unitPrice * quantity;
			}
			String id = UUID.nameUUIDFromBytes(("bench-order-" + o).getBytes(StandardCharsets.UTF_8)).toString();
			String status = (o % 2 == 0) ? "PAID" : "PENDING_PAYMENT";
			orders.add(new OrderPage.Order(id, USER_ID, status, total, "EUR", List.copyOf(lines),
					first.minusSeconds(3600L * o)));
		}
		return new OrderPage(List.copyOf(orders), "b3JkZXJzOjIwMjYtMTEtMDFUMDk6MTQ6Mjc");
	}

}
