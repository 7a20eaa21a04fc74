package io.hashop.order.order;

import java.time.Clock;
import java.util.UUID;

import io.hashop.platform.kafka.PoisonEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies payment outcomes to orders, exactly once each: the event is recorded as
 * processed in the same transaction as the status change, and a decided order absorbs
 * duplicate and late outcomes.
 */
@Service
class PaymentOutcomes {

	private static final Logger logger = LoggerFactory.getLogger(PaymentOutcomes.class);

	private final OrderRepository orders;

	private final Clock clock;

	PaymentOutcomes(OrderRepository orders, Clock clock) {
		this.orders = orders;
		this.clock = clock;
	}

	/** The outcome a payment event reports. */
	enum Outcome {

		AUTHORIZED, DECLINED

	}

	/**
	 * Applies an outcome.
	 * @return the order's new status if this event changed it, else {@code null}
	 */
	@Transactional
	OrderStatus apply(UUID eventId, String eventType, UUID orderId, Outcome outcome) {
		if (!this.orders.markProcessed(eventId, orderId, eventType, this.clock.instant())) {
			logger.debug("Event {} for order {} was applied before", eventId, orderId);
			return null;
		}
		Order order = this.orders.findByIdForUpdate(orderId)
			.orElseThrow(() -> new PoisonEventException("No order " + orderId + " for payment event " + eventId));
		Order decided = (outcome == Outcome.AUTHORIZED) ? order.markPaid() : order.markPaymentFailed();
		if (decided.status() == order.status()) {
			logger.info("Order {} is already {}: ignoring a late {} outcome", orderId, order.status(), outcome);
			return null;
		}
		this.orders.updateStatus(orderId, order.status(), decided.status(), this.clock.instant());
		return decided.status();
	}

}
