package io.hashop.system.saga;

import java.util.List;

import io.hashop.launcher.infrastructure.LocalMailServer.ReceivedMail;
import io.hashop.system.support.SystemUnderTest;

/** Counts of effects per order, read where the effects really are. */
final class SagaAssertions {

	static final String NOTIFICATION_HEADER = "X-Hashop-Notification";

	private final SystemUnderTest system;

	SagaAssertions(SystemUnderTest system) {
		this.system = system;
	}

	/** The e-mails about one order. */
	List<ReceivedMail> mailsAbout(String orderId) {
		return this.system.mail()
			.received()
			.stream()
			.filter((mail) -> mail.headers().getOrDefault(NOTIFICATION_HEADER, "").startsWith(orderId + "/"))
			.toList();
	}

	/** Payment rows of one order (the charges). */
	long payments(String orderId) {
		return this.system.database("payments")
			.number("SELECT count(*) FROM payments WHERE order_id = ?::uuid", orderId);
	}

	/** Payment events payment-service wrote for one order. */
	long paymentEvents(String orderId) {
		return this.system.database("payments").number("SELECT count(*) FROM outbox WHERE message_key = ?", orderId);
	}

	/** Payment events order-service applied to one order. */
	long appliedOutcomes(String orderId) {
		return this.system.database("orders")
			.number("SELECT count(*) FROM processed_events WHERE order_id = ?::uuid", orderId);
	}

}
