package io.hashop.payment.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.hashop.contracts.Topics;
import io.hashop.contracts.payment.v1.PaymentAuthorizedEvent;
import io.hashop.contracts.payment.v1.PaymentDeclinedEvent;
import io.hashop.payment.provider.ChargeOutcome;
import io.hashop.payment.provider.ProviderUnavailableException;
import io.hashop.payment.provider.SimulatedPaymentProvider;
import io.hashop.platform.kafka.OutboxWriter;
import io.hashop.platform.kafka.RetryableEventException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges each placed order at most once. In one transaction: the event is recorded as
 * handled (a concurrent duplicate waits on that row), the provider is called with the
 * order id as its idempotency key, the payment row is written (unique per order) and its
 * outcome event is appended to the outbox. A provider failure rolls all of it back and
 * the event is retried; a retried charge reuses the key, so the provider never charges
 * twice.
 */
@Service
class OrderCharging {

	private final PaymentRepository payments;

	private final SimulatedPaymentProvider provider;

	private final OutboxWriter outbox;

	private final Clock clock;

	OrderCharging(PaymentRepository payments, SimulatedPaymentProvider provider, OutboxWriter outbox, Clock clock) {
		this.payments = payments;
		this.provider = provider;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Charges the order unless it was charged before.
	 * @return the new payment, or {@code null} for a duplicate
	 */
	@Transactional
	Payment charge(UUID eventId, ChargeRequest request, String traceparent) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!this.payments.markProcessed(eventId, request.orderId(), now)
				|| this.payments.existsForOrder(request.orderId())) {
			return null;
		}
		ChargeOutcome outcome;
		try {
			outcome = this.provider.charge(request.orderId().toString(), request.amountCents(), request.currency());
		}
		catch (ProviderUnavailableException ex) {
			throw new RetryableEventException("The payment provider is unavailable", ex);
		}
		Payment payment = new Payment(UUID.randomUUID(), request.orderId(), request.userId(), request.amountCents(),
				request.currency(), outcome.authorized() ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED,
				outcome.reference(), outcome.declineReason(), now);
		if (!this.payments.insertIfAbsent(payment)) {
			return null;
		}
		UUID outcomeEventId = UUID.randomUUID();
		this.outbox.append(Topics.PAYMENTS, request.orderId().toString(), outcomeEventId, now,
				outcomeEvent(outcomeEventId, payment), traceparent);
		return payment;
	}

	private static Message outcomeEvent(UUID eventId, Payment payment) {
		Timestamp occurredAt = Timestamp.newBuilder()
			.setSeconds(payment.createdAt().getEpochSecond())
			.setNanos(payment.createdAt().getNano())
			.build();
		if (payment.status() == PaymentStatus.AUTHORIZED) {
			return PaymentAuthorizedEvent.newBuilder()
				.setEventId(eventId.toString())
				.setOccurredAt(occurredAt)
				.setOrderId(payment.orderId().toString())
				.setPaymentId(payment.id().toString())
				.setUserId(payment.userId().toString())
				.setAmountCents(payment.amountCents())
				.setCurrency(payment.currency())
				.build();
		}
		return PaymentDeclinedEvent.newBuilder()
			.setEventId(eventId.toString())
			.setOccurredAt(occurredAt)
			.setOrderId(payment.orderId().toString())
			.setPaymentId(payment.id().toString())
			.setUserId(payment.userId().toString())
			.setAmountCents(payment.amountCents())
			.setCurrency(payment.currency())
			.setReason(payment.declineReason())
			.build();
	}

}
