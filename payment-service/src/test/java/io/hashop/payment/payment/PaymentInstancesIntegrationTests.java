package io.hashop.payment.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.payment.PaymentServiceApplication;
import io.hashop.payment.provider.ChargeOutcome;
import io.hashop.payment.provider.SimulatedPaymentProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several payment-service instances, and restarts, on one database: the provider's
 * idempotency record is shared and durable, so an order is charged once whichever
 * instance handles it and whenever. The test's own context is one instance; the others
 * are started (and stopped) by the tests.
 */
@SpringBootTest(properties = { "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123" })
@WithTestDatabase
@WithTestKafka
class PaymentInstancesIntegrationTests {

	@Autowired
	OrderCharging charging;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void chargesAnOrderOnceWhenTwoInstancesHandleRequestsForItConcurrently() throws Exception {
		ChargeRequest request = new ChargeRequest(UUID.randomUUID(), UUID.randomUUID(), 2_590, "EUR");
		List<OrderCharging.Handled> handled = new ArrayList<>();
		try (ConfigurableApplicationContext other = startInstance()) {
			List<OrderCharging> instances = List.of(this.charging, other.getBean(OrderCharging.class));
			CountDownLatch start = new CountDownLatch(1);
			List<Future<OrderCharging.Handled>> calls = new ArrayList<>();
			try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
				for (int i = 0; i < 6; i++) {
					OrderCharging instance = instances.get(i % 2);
					calls.add(pool.submit(() -> {
						start.await();
						return instance.charge(UUID.randomUUID(), request);
					}));
				}
				start.countDown();
				for (Future<OrderCharging.Handled> call : calls) {
					handled.add(call.get());
				}
			}
		}

		assertThat(handled).filteredOn(OrderCharging.Handled::charged).hasSize(1);
		assertThat(handled).extracting((each) -> each.payment().id()).containsOnly(handled.get(0).payment().id());
		assertThat(providerCharges(request.orderId())).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", request.orderId())).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM outbox WHERE message_key = ?", request.orderId().toString()))
			.isEqualTo(6);
	}

	@Test
	void completesAfterARestartTheChargeOfAnInstanceThatDiedBeforeItsPaymentCommitted() {
		ChargeRequest request = new ChargeRequest(UUID.randomUUID(), UUID.randomUUID(), 5_000, "EUR");
		ChargeOutcome charged;
		try (ConfigurableApplicationContext crashed = startInstance()) {
			// The provider charged; the instance went away before writing the payment.
			charged = crashed.getBean(SimulatedPaymentProvider.class)
				.charge(request.orderId().toString(), request.amountCents(), request.currency());
		}
		long chargesBefore = count("SELECT count(*) FROM provider_charges");

		OrderCharging.Handled handled;
		try (ConfigurableApplicationContext restarted = startInstance()) {
			SimulatedPaymentProvider provider = restarted.getBean(SimulatedPaymentProvider.class);
			assertThat(provider.charge(request.orderId().toString(), request.amountCents(), request.currency()))
				.isEqualTo(charged);
			handled = restarted.getBean(OrderCharging.class).charge(UUID.randomUUID(), request);
		}

		assertThat(handled.charged()).isTrue();
		assertThat(handled.payment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(handled.payment().providerReference()).isEqualTo(charged.reference());
		assertThat(count("SELECT count(*) FROM provider_charges")).isEqualTo(chargesBefore);
		assertThat(providerCharges(request.orderId())).isEqualTo(1);
	}

	/**
	 * Another payment-service instance on this test's database and broker.
	 */
	private ConfigurableApplicationContext startInstance() {
		return new SpringApplicationBuilder(PaymentServiceApplication.class).run(
				"--spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password"),
				"--spring.kafka.bootstrap-servers=" + this.environment.getProperty("spring.kafka.bootstrap-servers"),
				"--server.port=0", "--management.server.port=0",
				"--platform.identity.secret=" + this.environment.getProperty("platform.identity.secret"));
	}

	private long providerCharges(UUID orderId) {
		return count("SELECT count(*) FROM provider_charges WHERE idempotency_key = ?", orderId.toString());
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
