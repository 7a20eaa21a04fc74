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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges each placed order at most once, and answers every distinct request for an
 * order's payment with the outcome.
 * <ol>
 * <li>An event handled before is skipped.</li>
 * <li>Unless the order already has a payment, the provider is called with the order id as
 * its idempotency key, outside this service's transaction, like any external call. The
 * provider commits its record of the charge on its own and answers a repeated key with
 * the first outcome, so a retry, a redelivery to another instance, or a crash before the
 * payment below commits never charges twice; the next delivery completes the payment.
 * </li>
 * <li>In one transaction: the event is recorded as handled (a concurrent duplicate waits
 * on that row), the payment is written (unique per order) and its outcome event is
 * appended to the outbox. An order that already has a payment gets that payment's outcome
 * re-published under a new event id instead: this is how an order whose outcome was lost,
 * and which order-service therefore asks again, reaches its terminal state.</li>
 * </ol>
 * A provider failure is retried with the same key.
 */
@Service
class OrderCharging {

	private final PaymentRepository payments;

	private final SimulatedPaymentProvider provider;

	private final OutboxWriter outbox;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OrderCharging(PaymentRepository payments, SimulatedPaymentProvider provider, OutboxWriter outbox,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.payments = payments;
		this.provider = provider;
		this.outbox = outbox;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * What handling a request for an order's payment did.
	 *
	 * @param payment the order's payment
	 * @param charged whether this request created it; if not, its outcome was
	 * re-published
	 */
	record Handled(Payment payment, boolean charged) {

	}

	/**
	 * Charges the order unless it was charged before, or re-publishes the outcome of its
	 * payment.
	 * @return what was done, or {@code null} for a duplicate of an event handled before
	 */
	Handled charge(UUID eventId, ChargeRequest request) {
		if (this.payments.isProcessed(eventId)) {
			return null;
		}
		ChargeOutcome outcome = this.payments.findByOrder(request.orderId()).isPresent() ? null : callProvider(request);
		return this.transaction.execute((status) -> record(eventId, request, outcome));
	}

	private ChargeOutcome callProvider(ChargeRequest request) {
		try {
			return this.provider.charge(request.orderId().toString(), request.amountCents(), request.currency());
		}
		catch (ProviderUnavailableException ex) {
			throw new RetryableEventException("The payment provider is unavailable", ex);
		}
	}

	private Handled record(UUID eventId, ChargeRequest request, ChargeOutcome outcome) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!this.payments.markProcessed(eventId, request.orderId(), now)) {
			return null;
		}
		Payment fresh = (outcome != null) ? payment(request, outcome, now) : null;
		boolean charged = fresh != null && this.payments.insertIfAbsent(fresh);
		// Else a payment exists, committed by an earlier or a concurrent request.
		Payment payment = charged ? fresh : this.payments.findByOrder(request.orderId()).orElseThrow();
		UUID outcomeEventId = UUID.randomUUID();
		this.outbox.append(Topics.PAYMENTS, request.orderId().toString(), outcomeEventId, payment.createdAt(),
				outcomeEvent(outcomeEventId, payment));
		return new Handled(payment, charged);
	}

	private static Payment payment(ChargeRequest request, ChargeOutcome outcome, Instant now) {
		return new Payment(UUID.randomUUID(), request.orderId(), request.userId(), request.amountCents(),
				request.currency(), outcome.authorized() ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED,
				outcome.reference(), outcome.declineReason(), now);
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
