package io.hashop.bff.support;

import java.time.Duration;
import java.util.Map;

import io.hashop.platform.identity.InternalIdentityProperties;
import io.hashop.platform.identity.InternalTokenVerifier;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The fake user-, order- and payment-services on free ports: the one set every
 * {@link BffIntegrationTest} shares, or a test class's own.
 */
public final class FakeDownstreams implements AutoCloseable {

	public static final String SECRET = "bff-test-secret-bff-test-secret-0123456";

	public final FakeUserService users = new FakeUserService();

	public final FakeOrderService orders = new FakeOrderService();

	public final FakeGrpcServer userServer = new FakeGrpcServer(this.users, verifier("user-service"));

	public final FakeGrpcServer orderServer = new FakeGrpcServer(this.orders, verifier("order-service"));

	public final FakePaymentService payments = new FakePaymentService(verifier("payment-service"));

	/** The settings that point a BFF at these fakes. */
	public Map<String, String> properties() {
		return Map.of("spring.grpc.client.channels.user-service.address", this.userServer.address(),
				"spring.grpc.client.channels.order-service.address", this.orderServer.address(),
				"hashop.bff.payment-service.instances", this.payments.url(), "platform.identity.secret", SECRET);
	}

	/** Points a BFF test context at these fakes. */
	public void register(DynamicPropertyRegistry registry) {
		properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/** Every fake answers normally again, and the catalog has its first prices. */
	public void reset() {
		this.userServer.setFault(Fault.NONE);
		this.orderServer.setFault(Fault.NONE);
		this.payments.setFault(Fault.NONE);
		this.orders.resetCatalog();
	}

	/** Another instance of the fake user-service, sharing its accounts. */
	public FakeGrpcServer anotherUserServer() {
		return new FakeGrpcServer(this.users, verifier("user-service"));
	}

	/** Another instance of the fake order-service, sharing its catalog and orders. */
	public FakeGrpcServer anotherOrderServer() {
		return new FakeGrpcServer(this.orders, verifier("order-service"));
	}

	/** Another instance of the fake payment-service. */
	public FakePaymentService anotherPaymentService() {
		return new FakePaymentService(verifier("payment-service"));
	}

	private static InternalTokenVerifier verifier(String audience) {
		return new InternalTokenVerifier(new InternalIdentityProperties(true, SECRET, audience, "hashop-internal",
				Duration.ofSeconds(60), Duration.ofSeconds(5), true));
	}

	@Override
	public void close() throws InterruptedException {
		this.userServer.close();
		this.orderServer.close();
		this.payments.close();
	}

}
