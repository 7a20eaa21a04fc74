package io.hashop.user.notification;

import io.hashop.contracts.Topics;
import io.hashop.contracts.payment.v1.PaymentAuthorizedEvent;
import io.hashop.contracts.payment.v1.PaymentDeclinedEvent;
import io.hashop.platform.kafka.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code payments.v1} and e-mails the order's owner; counts each e-mail sent in
 * {@code hashop.notifications.sent} and each e-mail parked because the mail server
 * refused it for good in {@code hashop.notifications.parked}.
 */
@Component
class PaymentOutcomeListener {

	private final OrderOutcomeNotifier notifier;

	private final MeterRegistry meters;

	PaymentOutcomeListener(OrderOutcomeNotifier notifier, MeterRegistry meters) {
		this.notifier = notifier;
		this.meters = meters;
	}

	@KafkaListener(topics = Topics.PAYMENTS)
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = IncomingEvent.of(record);
		OrderOutcome outcome;
		if (event.is(PaymentAuthorizedEvent.getDefaultInstance())) {
			PaymentAuthorizedEvent paid = event.parse(PaymentAuthorizedEvent.parser());
			outcome = new OrderOutcome(IncomingEvent.uuid(paid.getOrderId()), IncomingEvent.uuid(paid.getUserId()),
					true, paid.getAmountCents(), paid.getCurrency());
		}
		else if (event.is(PaymentDeclinedEvent.getDefaultInstance())) {
			PaymentDeclinedEvent declined = event.parse(PaymentDeclinedEvent.parser());
			outcome = new OrderOutcome(IncomingEvent.uuid(declined.getOrderId()),
					IncomingEvent.uuid(declined.getUserId()), false, declined.getAmountCents(), declined.getCurrency());
		}
		else {
			throw event.unknownType();
		}
		switch (this.notifier.notify(event.eventId(), outcome)) {
			case SENT -> this.meters.counter("hashop.notifications.sent", "outcome", outcome.name()).increment();
			case PARKED -> this.meters.counter("hashop.notifications.parked", "outcome", outcome.name()).increment();
			case NO_ACCOUNT, DUPLICATE -> {
			}
		}
	}

}
