package io.hashop.order.order;

import io.hashop.contracts.Topics;
import io.hashop.contracts.payment.v1.PaymentAuthorizedEvent;
import io.hashop.contracts.payment.v1.PaymentDeclinedEvent;
import io.hashop.order.order.PaymentOutcomes.Outcome;
import io.hashop.platform.kafka.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code payments.v1} and moves orders to {@code PAID} or
 * {@code PAYMENT_FAILED}; counts each actual change in
 * {@code hashop.orders.payment.outcomes}.
 */
@Component
class PaymentOutcomeListener {

	private final PaymentOutcomes outcomes;

	private final MeterRegistry meters;

	PaymentOutcomeListener(PaymentOutcomes outcomes, MeterRegistry meters) {
		this.outcomes = outcomes;
		this.meters = meters;
	}

	@KafkaListener(topics = Topics.PAYMENTS)
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = IncomingEvent.of(record);
		OrderStatus changed;
		if (event.is(PaymentAuthorizedEvent.getDefaultInstance())) {
			PaymentAuthorizedEvent authorized = event.parse(PaymentAuthorizedEvent.parser());
			changed = this.outcomes.apply(event.eventId(), event.type(), IncomingEvent.uuid(authorized.getOrderId()),
					Outcome.AUTHORIZED);
		}
		else if (event.is(PaymentDeclinedEvent.getDefaultInstance())) {
			PaymentDeclinedEvent declined = event.parse(PaymentDeclinedEvent.parser());
			changed = this.outcomes.apply(event.eventId(), event.type(), IncomingEvent.uuid(declined.getOrderId()),
					Outcome.DECLINED);
		}
		else {
			throw event.unknownType();
		}
		if (changed != null) {
			this.meters.counter("hashop.orders.payment.outcomes", "status", changed.name()).increment();
		}
	}

}
