package io.hashop.order.order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.hashop.contracts.order.v1.GetOrderRequest;
import io.hashop.contracts.order.v1.ListOrdersRequest;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.ListProductsRequest;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderLineRequest;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import io.hashop.contracts.order.v1.OrderStatus;
import io.hashop.contracts.order.v1.PlaceOrderResponse;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.order.OrderServiceCalls;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.hashop.order.OrderServiceCalls.catchStatus;
import static io.hashop.order.OrderServiceCalls.line;
import static io.hashop.order.OrderServiceCalls.order;
import static io.hashop.order.OrderServiceCalls.reason;
import static io.hashop.order.OrderServiceCalls.violations;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123" })
@WithTestDatabase
@WithTestKafka
class OrderGrpcServiceIntegrationTests {

	static final long COFFEE_BEANS = 1;

	static final long ESPRESSO_MACHINE = 3;

	static final long KETTLE = 5;

	@LocalGrpcPort
	int grpcPort;

	@Autowired
	InternalTokenIssuer issuer;

	OrderServiceCalls calls;

	@Autowired
	JdbcClient jdbc;

	final String alice = UUID.randomUUID().toString();

	final String bob = UUID.randomUUID().toString();

	@BeforeEach
	void openChannel() {
		this.calls = OrderServiceCalls.open(this.grpcPort, this.issuer);
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		this.calls.close();
	}

	@Test
	void pricesAnOrderFromTheCatalog() {
		PlaceOrderResponse placed = as(this.alice)
			.placeOrder(order("price-1", line(COFFEE_BEANS, 2), line(ESPRESSO_MACHINE, 1)));

		Order order = placed.getOrder();
		assertThat(placed.getReplayed()).isFalse();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING_PAYMENT);
		assertThat(order.getTotalCents()).isEqualTo(2 * 2490 + 249000);
		assertThat(order.getItemsList()).extracting((line) -> line.getLineTotalCents()).containsExactly(4980L, 249000L);
		assertThat(order.getUserId()).isEqualTo(this.alice);
	}

	@Test
	void returnsTheSameOrderForTheSameKeyAndItems() {
		PlaceOrderResponse first = as(this.alice).placeOrder(order("same-key", line(KETTLE, 1), line(COFFEE_BEANS, 3)));
		PlaceOrderResponse again = as(this.alice).placeOrder(order("same-key", line(COFFEE_BEANS, 3), line(KETTLE, 1)));

		assertThat(again.getReplayed()).isTrue();
		assertThat(again.getOrder()).isEqualTo(first.getOrder());
		assertThat(ordersOf(this.alice)).isEqualTo(1);
	}

	@Test
	void refusesTheSameKeyWithOtherItems() {
		as(this.alice).placeOrder(order("reused-key", line(KETTLE, 1)));

		StatusRuntimeException error = catchStatus(
				() -> as(this.alice).placeOrder(order("reused-key", line(KETTLE, 2))));

		assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(reason(error)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(ordersOf(this.alice)).isEqualTo(1);
	}

	@Test
	void keysAreScopedToTheirUser() {
		Order alices = as(this.alice).placeOrder(order("shared-key", line(KETTLE, 1))).getOrder();
		Order bobs = as(this.bob).placeOrder(order("shared-key", line(KETTLE, 1))).getOrder();

		assertThat(bobs.getId()).isNotEqualTo(alices.getId());
	}

	@Test
	void createsOneOrderForConcurrentCallsWithTheSameKey() throws Exception {
		int callers = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<PlaceOrderResponse>> calls = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			calls.add(() -> {
				start.await();
				return as(this.alice).placeOrder(order("concurrent", line(COFFEE_BEANS, 1)));
			});
		}
		List<Future<PlaceOrderResponse>> results;
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			List<Future<PlaceOrderResponse>> submitted = calls.stream().map(pool::submit).toList();
			start.countDown();
			results = submitted;
			Set<String> ids = new HashSet<>();
			int created = 0;
			for (Future<PlaceOrderResponse> result : results) {
				PlaceOrderResponse response = result.get(30, TimeUnit.SECONDS);
				ids.add(response.getOrder().getId());
				created += response.getReplayed() ? 0 : 1;
			}
			assertThat(ids).hasSize(1);
			assertThat(created).isEqualTo(1);
		}
		assertThat(ordersOf(this.alice)).isEqualTo(1);
	}

	@Test
	void refusesAnUnknownProduct() {
		StatusRuntimeException error = catchStatus(
				() -> as(this.alice).placeOrder(order("unknown", line(COFFEE_BEANS, 1), line(987654, 1))));

		assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(reason(error)).isEqualTo("UNKNOWN_PRODUCT");
		assertThat(ordersOf(this.alice)).isZero();
	}

	@Test
	void rejectsInvalidOrdersWithFieldViolations() {
		assertThat(violations(() -> as(this.alice).placeOrder(order("no-lines")))).containsExactly("items");
		assertThat(violations(() -> as(this.alice).placeOrder(order("bad key!", line(KETTLE, 1)))))
			.containsExactly("idempotencyKey");
		assertThat(violations(() -> as(this.alice).placeOrder(order("k" + "x".repeat(64), line(KETTLE, 1)))))
			.containsExactly("idempotencyKey");
		assertThat(violations(() -> as(this.alice).placeOrder(order("qty", line(KETTLE, 0), line(COFFEE_BEANS, 101)))))
			.containsExactly("items[0].quantity", "items[1].quantity");
		OrderLineRequest[] tooMany = new OrderLineRequest[51];
		java.util.Arrays.fill(tooMany, line(KETTLE, 1));
		assertThat(violations(() -> as(this.alice).placeOrder(order("many", tooMany)))).containsExactly("items");
		assertThat(ordersOf(this.alice)).isZero();
	}

	@Test
	void hidesAnotherUsersOrderAsNotFound() {
		Order alices = as(this.alice).placeOrder(order("mine", line(KETTLE, 1))).getOrder();

		StatusRuntimeException error = catchStatus(
				() -> as(this.bob).getOrder(GetOrderRequest.newBuilder().setId(alices.getId()).build()));
		StatusRuntimeException missing = catchStatus(
				() -> as(this.bob).getOrder(GetOrderRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));

		assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(StatusProto.fromThrowable(error)).isEqualTo(StatusProto.fromThrowable(missing));
		assertThat(as(this.bob).listOrders(ListOrdersRequest.getDefaultInstance()).getOrdersList()).isEmpty();
		assertThat(as(this.alice).getOrder(GetOrderRequest.newBuilder().setId(alices.getId()).build()))
			.isEqualTo(alices);
	}

	@Test
	void pagesThroughOrdersNewestFirst() {
		List<String> placed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(0, as(this.alice).placeOrder(order("page-" + i, line(KETTLE, i + 1))).getOrder().getId());
		}

		List<String> seen = new ArrayList<>();
		String cursor = "";
		int pages = 0;
		do {
			ListOrdersResponse page = as(this.alice)
				.listOrders(ListOrdersRequest.newBuilder().setLimit(2).setCursor(cursor).build());
			page.getOrdersList().forEach((order) -> seen.add(order.getId()));
			cursor = page.getNextCursor();
			pages++;
		}
		while (!cursor.isEmpty());

		assertThat(seen).isEqualTo(placed);
		assertThat(pages).isEqualTo(3);
		assertThat(violations(
				() -> as(this.alice).listOrders(ListOrdersRequest.newBuilder().setCursor("garbage").build())))
			.containsExactly("cursor");
		assertThat(violations(() -> as(this.alice).listOrders(ListOrdersRequest.newBuilder().setLimit(101).build())))
			.containsExactly("limit");
	}

	@Test
	void answersEveryHostileCursorWithInvalidArgumentOrAPage() {
		as(this.alice).placeOrder(order("cursor-fuzz", line(KETTLE, 1)));
		List<String> cursors = new ArrayList<>(HostileCursors.generate(42, 300));
		cursors.add(new OrderCursor(java.time.Instant.now(), UUID.randomUUID()).encode());

		int pages = 0;
		for (String cursor : cursors) {
			StatusRuntimeException error = catchStatus(
					() -> as(this.alice).listOrders(ListOrdersRequest.newBuilder().setCursor(cursor).build()));
			if (error == null) {
				pages++;
				continue;
			}
			assertThat(error.getStatus().getCode()).as(cursor).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(violations(() -> {
				throw error;
			})).as(cursor).containsExactly("cursor");
		}

		assertThat(pages).isGreaterThanOrEqualTo(1);
	}

	@Test
	void refusesCallsWithoutATokenNamingAUser() {
		OrderServiceBlockingStub bare = OrderServiceGrpc.newBlockingStub(this.calls.channel())
			.withDeadlineAfter(5, TimeUnit.SECONDS);
		OrderServiceBlockingStub anonymous = bare.withCallCredentials(
				InternalIdentityCallCredentials.of(this.issuer.issue(CallerIdentity.anonymous(), "order-service")));
		OrderServiceBlockingStub forUserService = bare.withCallCredentials(InternalIdentityCallCredentials
			.of(this.issuer.issue(CallerIdentity.user(this.alice, Set.of("USER")), "user-service")));

		assertThat(catchStatus(() -> bare.listProducts(ListProductsRequest.getDefaultInstance())).getStatus().getCode())
			.isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(catchStatus(() -> anonymous.placeOrder(order("anon", line(KETTLE, 1)))).getStatus().getCode())
			.isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(catchStatus(() -> forUserService.placeOrder(order("aud", line(KETTLE, 1)))).getStatus().getCode())
			.isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(ordersOf(this.alice)).isZero();
	}

	@Test
	void placesTheOrderPlacedEventInTheCallersTrace() {
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), traceparent);

		Order order = as(this.alice).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
			.placeOrder(order("traced", line(KETTLE, 1)))
			.getOrder();

		// The caller's trace, from a span of this service's own (the gRPC server's).
		assertThat(this.jdbc.sql("SELECT traceparent FROM outbox WHERE message_key = ?")
			.param(order.getId())
			.query(String.class)
			.single()).matches("00-0af7651916cd43dd8448eb211c80319c-(?!b7ad6b7169203331)[0-9a-f]{16}-01");
	}

	private OrderServiceBlockingStub as(String userId) {
		return this.calls.as(userId);
	}

	private long ordersOf(String userId) {
		return this.jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?")
			.param(UUID.fromString(userId))
			.query(Long.class)
			.single();
	}

}
