package io.hashop.bff.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.hashop.contracts.order.v1.GetOrderRequest;
import io.hashop.contracts.order.v1.ListOrdersRequest;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.ListProductsRequest;
import io.hashop.contracts.order.v1.ListProductsResponse;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderLine;
import io.hashop.contracts.order.v1.OrderLineRequest;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.OrderStatus;
import io.hashop.contracts.order.v1.PlaceOrderRequest;
import io.hashop.contracts.order.v1.PlaceOrderResponse;
import io.hashop.contracts.order.v1.Product;
import io.hashop.contracts.order.v1.UpdateProductPriceRequest;
import io.hashop.platform.error.FieldViolation;
import io.hashop.platform.grpc.GrpcCallerIdentity;
import io.hashop.platform.grpc.GrpcErrors;
import io.hashop.platform.identity.CallerIdentity;

/**
 * An in-memory order-service with a three-product catalog, answering like the real one
 * does.
 */
public final class FakeOrderService extends OrderServiceGrpc.OrderServiceImplBase {

	private final Map<Long, Product> products = new ConcurrentHashMap<>();

	private final Map<String, Order> ordersById = new ConcurrentHashMap<>();

	private final Map<String, PlaceOrderRequest> requestsByKey = new ConcurrentHashMap<>();

	private final Map<String, String> orderIdsByKey = new ConcurrentHashMap<>();

	public FakeOrderService() {
		resetCatalog();
	}

	/** Puts the three products back at their first prices. */
	public void resetCatalog() {
		addProduct(1, "COF-BEAN-1KG", "Coffee beans", 2490);
		addProduct(2, "KIT-KETTLE-01", "Kettle", 5990);
		addProduct(3, "COF-ESPR-PRO", "Espresso machine", 249000);
	}

	private void addProduct(long id, String sku, String name, long price) {
		this.products.put(id,
				Product.newBuilder()
					.setId(id)
					.setSku(sku)
					.setName(name)
					.setPriceCents(price)
					.setCurrency("EUR")
					.build());
	}

	/**
	 * Changes a price behind every cache's back, as another writer of the catalog would.
	 */
	public void setPrice(long productId, long priceCents) {
		this.products.computeIfPresent(productId,
				(id, product) -> product.toBuilder().setPriceCents(priceCents).build());
	}

	@Override
	public void listProducts(ListProductsRequest request, StreamObserver<ListProductsResponse> observer) {
		respond(observer,
				ListProductsResponse.newBuilder()
					.addAllProducts(
							this.products.values().stream().sorted(Comparator.comparingLong(Product::getId)).toList())
					.build());
	}

	@Override
	public void updateProductPrice(UpdateProductPriceRequest request, StreamObserver<Product> observer) {
		if (!GrpcCallerIdentity.current().isAdmin()) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return;
		}
		setPrice(request.getProductId(), request.getPriceCents());
		Product product = this.products.get(request.getProductId());
		if (product == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		respond(observer, product);
	}

	@Override
	public void placeOrder(PlaceOrderRequest request, StreamObserver<PlaceOrderResponse> observer) {
		String userId = GrpcCallerIdentity.current().userId();
		String key = userId + "/" + request.getIdempotencyKey();
		PlaceOrderRequest earlier = this.requestsByKey.putIfAbsent(key, request);
		if (earlier != null) {
			if (!earlier.equals(request)) {
				observer.onError(FakeUserService.reason(Code.FAILED_PRECONDITION, "IDEMPOTENCY_KEY_REUSED",
						"This Idempotency-Key was already used for a different order"));
				return;
			}
			respond(observer,
					PlaceOrderResponse.newBuilder()
						.setOrder(this.ordersById.get(this.orderIdsByKey.get(key)))
						.setReplayed(true)
						.build());
			return;
		}
		if (request.getItemsList().stream().anyMatch((line) -> !this.products.containsKey(line.getProductId()))) {
			this.requestsByKey.remove(key);
			observer.onError(FakeUserService.reason(Code.FAILED_PRECONDITION, "UNKNOWN_PRODUCT", "Unknown product(s)"));
			return;
		}
		Order order = price(userId, request);
		this.ordersById.put(order.getId(), order);
		this.orderIdsByKey.put(key, order.getId());
		respond(observer, PlaceOrderResponse.newBuilder().setOrder(order).build());
	}

	@Override
	public void getOrder(GetOrderRequest request, StreamObserver<Order> observer) {
		Order order = this.ordersById.get(request.getId());
		if (order == null || !order.getUserId().equals(GrpcCallerIdentity.current().userId())) {
			observer.onError(Status.NOT_FOUND.withDescription("Order not found").asRuntimeException());
			return;
		}
		respond(observer, order);
	}

	/**
	 * One page of the caller's newest orders. This fake never issues a cursor (every page
	 * is the last), so any cursor is one it did not issue: INVALID_ARGUMENT, as the real
	 * service answers.
	 */
	@Override
	public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> observer) {
		if (!request.getCursor().isEmpty()) {
			observer.onError(GrpcErrors
				.invalidArgument(List.of(new FieldViolation("cursor", "is not a cursor returned by this API"))));
			return;
		}
		CallerIdentity caller = GrpcCallerIdentity.current();
		List<Order> mine = this.ordersById.values()
			.stream()
			.filter((order) -> order.getUserId().equals(caller.userId()))
			.sorted(Comparator
				.comparingLong((Order order) -> order.getCreatedAt().getSeconds() * 1_000_000_000L
						+ order.getCreatedAt().getNanos())
				.reversed())
			.limit((request.getLimit() == 0) ? 20 : request.getLimit())
			.toList();
		respond(observer, ListOrdersResponse.newBuilder().addAllOrders(mine).build());
	}

	private Order price(String userId, PlaceOrderRequest request) {
		List<OrderLine> lines = new ArrayList<>();
		long total = 0;
		for (OrderLineRequest line : request.getItemsList()) {
			Product product = this.products.get(line.getProductId());
			long lineTotal = product.getPriceCents() * line.getQuantity();
			total += lineTotal;
			lines.add(OrderLine.newBuilder()
				.setProductId(product.getId())
				.setSku(product.getSku())
				.setName(product.getName())
				.setQuantity(line.getQuantity())
				.setUnitPriceCents(product.getPriceCents())
				.setLineTotalCents(lineTotal)
				.build());
		}
		Instant now = Instant.now();
		return Order.newBuilder()
			.setId(UUID.randomUUID().toString())
			.setUserId(userId)
			.setStatus(OrderStatus.ORDER_STATUS_PENDING_PAYMENT)
			.setTotalCents(total)
			.setCurrency("EUR")
			.addAllItems(lines)
			.setCreatedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
			.build();
	}

	private static <T> void respond(StreamObserver<T> observer, T value) {
		observer.onNext(value);
		observer.onCompleted();
	}

}
