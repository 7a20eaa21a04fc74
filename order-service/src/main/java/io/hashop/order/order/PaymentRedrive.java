package io.hashop.order.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.hashop.contracts.Topics;
import io.hashop.order.order.PaymentRequestRepository.LastRequest;
import io.hashop.order.order.PaymentRequestRepository.PendingPayment;
import io.hashop.platform.kafka.OutboxWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks again for the payment of orders whose outcome never came (the outcome or the
 * request was dead-lettered, or lost to a crash), so that every accepted order ends
 * {@code PAID} or {@code PAYMENT_FAILED}. A pending order is due once its last request
 * was published {@code timeout} ago without an answer; it then gets a new
 * {@code OrderPlacedEvent} (new event id, same order) through the outbox, and payment
 * service, which charges an order at most once, answers with the outcome of its one
 * payment. The wait doubles per request up to {@code max-backoff}; a request still
 * waiting in the outbox (broker down) is not repeated. Each pass locks one batch with
 * {@code FOR UPDATE SKIP LOCKED}, so instances never re-drive the same order at once.
 * Counts re-drives in {@code hashop.orders.payment.redrives} and gauges the pending
 * orders older than the timeout ({@code hashop.orders.payment.stuck}) and the age of the
 * oldest pending order ({@code hashop.orders.payment.pending.oldest.age}).
 */
@Service
class PaymentRedrive {

	private static final Logger logger = LoggerFactory.getLogger(PaymentRedrive.class);

	private final PaymentRequestRepository requests;

	private final OutboxWriter outbox;

	private final PaymentRedriveProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Counter redrives;

	private final AtomicLong stuck = new AtomicLong();

	private final AtomicLong oldestPendingSeconds = new AtomicLong();

	PaymentRedrive(PaymentRequestRepository requests, OutboxWriter outbox, PaymentRedriveProperties properties,
			PlatformTransactionManager transactionManager, Clock clock, MeterRegistry meters) {
		this.requests = requests;
		this.outbox = outbox;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.redrives = Counter.builder("hashop.orders.payment.redrives")
			.description("Payment requests repeated for orders whose outcome did not come")
			.register(meters);
		Gauge.builder("hashop.orders.payment.stuck", this.stuck, AtomicLong::get)
			.description("Orders pending payment for longer than the re-drive timeout")
			.register(meters);
		Gauge.builder("hashop.orders.payment.pending.oldest.age", this.oldestPendingSeconds, AtomicLong::get)
			.description("How long the oldest order pending payment has waited")
			.baseUnit("seconds")
			.register(meters);
	}

	/**
	 * Re-drives one batch of due orders, then refreshes the gauges.
	 * @return how many orders were asked for again
	 */
	int redriveDue() {
		Integer redriven = this.transaction.execute((status) -> redriveBatch());
		int count = (redriven != null) ? redriven : 0;
		this.redrives.increment(count);
		measure();
		return count;
	}

	private int redriveBatch() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<PendingPayment> due = this.requests.lockDue(now, this.properties.batchSize());
		if (due.isEmpty()) {
			return 0;
		}
		Map<UUID, LastRequest> lastRequests = this.requests
			.lastRequests(due.stream().map((pending) -> pending.order().id()).toList());
		int redriven = 0;
		for (PendingPayment pending : due) {
			LastRequest last = lastRequests.get(pending.order().id());
			Instant answerExpectedBy = answerExpectedBy(last, now);
			if (answerExpectedBy.isAfter(now)) {
				this.requests.postpone(pending.order().id(), answerExpectedBy);
			}
			else {
				redrive(pending, last, now);
				redriven++;
			}
		}
		return redriven;
	}

	/**
	 * Until when an answer may still come: a request still in the outbox has not been
	 * published yet, and one published recently is given the whole timeout.
	 */
	private Instant answerExpectedBy(LastRequest last, Instant now) {
		if (last == null) {
			return now;
		}
		if (last.unsent()) {
			return now.plus(this.properties.timeout());
		}
		return (last.lastSentAt() != null) ? last.lastSentAt().plus(this.properties.timeout()) : now;
	}

	private void redrive(PendingPayment pending, LastRequest last, Instant now) {
		Order order = pending.order();
		UUID eventId = UUID.randomUUID();
		this.outbox.append(Topics.ORDERS, order.id().toString(), eventId, order.createdAt(),
				OrderMessages.toPlacedEvent(eventId, order), (last != null) ? last.traceparent() : null);
		int requests = pending.paymentRequests() + 1;
		Duration backoff = this.properties.backoffAfter(requests);
		this.requests.recordRequest(order.id(), requests, now.plus(backoff));
		logger.warn(
				"Order {} has no payment outcome {} after it was placed: requesting payment again "
						+ "(request {}, next in {})",
				order.id(), Duration.between(order.createdAt(), now), requests, backoff);
	}

	private void measure() {
		Instant now = this.clock.instant();
		PaymentRequestRepository.PendingStats stats = this.requests.pendingStats(now.minus(this.properties.timeout()));
		this.stuck.set(stats.stuck());
		this.oldestPendingSeconds
			.set((stats.oldest() != null) ? Math.max(0, Duration.between(stats.oldest(), now).toSeconds()) : 0);
	}

}
