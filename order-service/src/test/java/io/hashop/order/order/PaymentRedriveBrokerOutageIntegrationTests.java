package io.hashop.order.order;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.hashop.devinfra.test.WithTestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the broker away, a placed order's request waits in the outbox: the re-drive does
 * not pile further requests behind it, however long the outage lasts.
 */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123",
		"spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
		"spring.kafka.listener.auto-startup=false", "hashop.order.payment-redrive.timeout=1s",
		"hashop.order.payment-redrive.max-backoff=2s", "hashop.order.payment-redrive.interval=200ms" })
@WithTestDatabase
class PaymentRedriveBrokerOutageIntegrationTests {

	@Autowired
	OrderPlacement placement;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void doesNotRepeatARequestThatIsStillWaitingInTheOutbox() {
		Order order = this.placement
			.place(UUID.randomUUID(), new PlaceOrderCommand("broker-away", List.of(new PlaceOrderCommand.Item(4, 1))))
			.order();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.sql("""
				SELECT next_payment_request_at > created_at + interval '1 second' FROM orders WHERE id = ?
				""").param(order.id()).query(Boolean.class).single());
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> requests(order.id()) == 1);
		assertThat(this.jdbc.sql("SELECT payment_requests FROM orders WHERE id = ?")
			.param(order.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.meters.get("hashop.orders.payment.redrives").counter().count()).isZero();
		await().untilAsserted(
				() -> assertThat(this.meters.get("hashop.orders.payment.stuck").gauge().value()).isEqualTo(1));
	}

	private long requests(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ? AND sent_at IS NULL")
			.param(orderId.toString())
			.query(Long.class)
			.single();
	}

}
