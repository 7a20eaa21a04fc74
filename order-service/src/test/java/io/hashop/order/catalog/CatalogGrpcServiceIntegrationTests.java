package io.hashop.order.catalog;

import java.util.List;
import java.util.UUID;

import io.grpc.Status;
import io.hashop.contracts.order.v1.GetOrderRequest;
import io.hashop.contracts.order.v1.ListProductsRequest;
import io.hashop.contracts.order.v1.Order;
import io.hashop.contracts.order.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import io.hashop.contracts.order.v1.Product;
import io.hashop.contracts.order.v1.UpdateProductPriceRequest;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.order.OrderServiceCalls;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.identity.InternalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;

import static io.hashop.order.OrderServiceCalls.catchStatus;
import static io.hashop.order.OrderServiceCalls.line;
import static io.hashop.order.OrderServiceCalls.order;
import static io.hashop.order.OrderServiceCalls.violations;
import static org.assertj.core.api.Assertions.assertThat;

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

	OrderServiceCalls calls;

	final String alice = UUID.randomUUID().toString();

	@BeforeEach
	void openChannel() {
		this.calls = OrderServiceCalls.open(this.grpcPort, this.issuer);
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		this.calls.close();
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
		Product changed = this.calls.asAdmin().updateProductPrice(change);
		Order after = as(this.alice).placeOrder(order("after-change", line(DESCALER, 2))).getOrder();

		assertThat(changed.getPriceCents()).isEqualTo(1500);
		assertThat(after.getTotalCents()).isEqualTo(3000);
		assertThat(as(this.alice).getOrder(GetOrderRequest.newBuilder().setId(before.getId()).build()).getTotalCents())
			.isEqualTo(1290);
		assertThat(catchStatus(
				() -> this.calls.asAdmin().updateProductPrice(change.toBuilder().setProductId(4242).build()))
			.getStatus()
			.getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(
				violations(() -> this.calls.asAdmin().updateProductPrice(change.toBuilder().setPriceCents(0).build())))
			.containsExactly("priceCents");
	}

	private OrderServiceBlockingStub as(String userId) {
		return this.calls.as(userId);
	}

}
