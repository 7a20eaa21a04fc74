package io.hashop.user.notification;

import java.util.UUID;

import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.kafka.DedupeRetention;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-mail dedupe records are kept for the retention, then deleted (issue 9). */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123" })
@WithTestDatabase
@WithTestKafka
class SentNotificationsRetentionIntegrationTests {

	@Autowired
	DedupeRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletesNotificationRecordsOlderThanTheRetentionAndKeepsRecentOnes() {
		UUID old = notification("16 days");
		UUID recent = notification("1 day");

		assertThat(this.retention.purge()).isGreaterThanOrEqualTo(1);

		assertThat(this.jdbc.sql("SELECT order_id FROM sent_notifications WHERE order_id IN (?, ?)")
			.params(old, recent)
			.query(UUID.class)
			.list()).containsExactly(recent);
	}

	private UUID notification(String age) {
		UUID orderId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO sent_notifications (order_id, outcome, event_id, user_id, status, recipient, created_at)
				VALUES (?, 'PAID', ?, ?, 'SENT', 'ada@example.com', now() - CAST(? AS interval))
				""").params(orderId, UUID.randomUUID(), UUID.randomUUID(), age).update();
		return orderId;
	}

}
