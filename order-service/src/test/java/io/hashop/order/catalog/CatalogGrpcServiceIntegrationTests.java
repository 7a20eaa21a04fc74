package io.hashop.order.catalog;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.hashop.contracts.order.v1.GetOrderRequest;
import io.hashop.contracts.order.v1.ListProductsRequest;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderLineRequest;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import io.hashop.contracts.order.v1.PlaceOrderRequest;
import io.hashop.contracts.order.v1.Product;
import io.hashop.contracts.order.v1.UpdateProductPriceRequest;
import io.hashop.devinfra.test.WithTestDatabase;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123" })
@WithTestDatabase
@WithTestKafka
class CatalogGrpcServiceIntegrationTests {

	static final long DESCALER = 12;

	@LocalGrpcPort
	int grpcPort;

	@Autowired
	InternalTokenIssuer issuer;

	ManagedChannel channel;

	final String alice = UUID.randomUUID().toString();

	@BeforeEach
	void openChannel() {
		this.channel = ManagedChannelBuilder.forAddress("localhost", this.grpcPort).usePlaintext().build();
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void listsTheSeededCatalogWithAProductThatCanExceedThePaymentLimit() {
		List<Product> products = as(this.alice).listProducts(ListProductsRequest.getDefaultInstance())
			.getProductsList();

		assertThat(products).hasSizeGreaterThanOrEqualTo(12);
		assertThat(products).allSatisfy((product) -> assertThat(product.getCurrency()).isEqualTo("EUR"));
		assertThat(products).anySatisfy((product) -> assertThat(product.getPriceCents() * 3).isGreaterThan(500_000));
	}

	@Test
	void letsOnlyAnAdminChangeAPriceWhichNewOrdersThenUse() {
		Order before = as(this.alice).placeOrder(order("before-change", line(DESCALER, 1))).getOrder();
		UpdateProductPriceRequest change = UpdateProductPriceRequest.newBuilder()
			.setProductId(DESCALER)
			.setPriceCents(1500)
			.build();

		assertThat(catchStatus(() -> as(this.alice).updateProductPrice(change)).getStatus().getCode())
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		Product changed = asAdmin().updateProductPrice(change);
		Order after = as(this.alice).placeOrder(order("after-change", line(DESCALER, 2))).getOrder();

		assertThat(changed.getPriceCents()).isEqualTo(1500);
		assertThat(after.getTotalCents()).isEqualTo(3000);
		assertThat(as(this.alice).getOrder(GetOrderRequest.newBuilder().setId(before.getId()).build()).getTotalCents())
			.isEqualTo(1290);
		assertThat(catchStatus(() -> asAdmin().updateProductPrice(change.toBuilder().setProductId(4242).build()))
			.getStatus()
			.getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(violations(() -> asAdmin().updateProductPrice(change.toBuilder().setPriceCents(0).build())))
			.containsExactly("priceCents");
	}

	private OrderServiceBlockingStub as(String userId) {
		return stub(CallerIdentity.user(userId, Set.of("USER")));
	}

	private OrderServiceBlockingStub asAdmin() {
		return stub(CallerIdentity.user(UUID.randomUUID().toString(), Set.of("ADMIN")));
	}

	private OrderServiceBlockingStub stub(CallerIdentity caller) {
		return OrderServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.withCallCredentials(InternalIdentityCallCredentials.of(this.issuer.issue(caller, "order-service")));
	}

	private static PlaceOrderRequest order(String key, OrderLineRequest... lines) {
		return PlaceOrderRequest.newBuilder().setIdempotencyKey(key).addAllItems(List.of(lines)).build();
	}

	private static OrderLineRequest line(long productId, int quantity) {
		return OrderLineRequest.newBuilder().setProductId(productId).setQuantity(quantity).build();
	}

	private static StatusRuntimeException catchStatus(Runnable call) {
		return catchThrowableOfType(StatusRuntimeException.class, call::run);
	}

	private static List<String> violations(Runnable call) {
		StatusRuntimeException error = catchStatus(call);
		assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		return StatusProto.fromThrowable(error)
			.getDetailsList()
			.stream()
			.filter((detail) -> detail.is(BadRequest.class))
			.flatMap((detail) -> unpack(detail).getFieldViolationsList().stream())
			.map(BadRequest.FieldViolation::getField)
			.toList();
	}

	private static BadRequest unpack(com.google.protobuf.Any detail) {
		try {
			return detail.unpack(BadRequest.class);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
