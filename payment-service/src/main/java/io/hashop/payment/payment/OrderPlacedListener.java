package io.hashop.payment.payment;

import io.hashop.contracts.Topics;
import io.hashop.contracts.order.v1.OrderPlacedEvent;
import io.hashop.platform.kafka.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code orders.v1} and charges each placed order; counts each new payment in
 * {@code hashop.payments.charges} and each outcome re-published for an order that was
 * paid before in {@code hashop.payments.outcomes.republished}.
 */
@Component
class OrderPlacedListener {

	private final OrderCharging charging;

	private final MeterRegistry meters;

	OrderPlacedListener(OrderCharging charging, MeterRegistry meters) {
		this.charging = charging;
		this.meters = meters;
	}

	@KafkaListener(topics = Topics.ORDERS)
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = IncomingEvent.of(record);
		if (!event.is(OrderPlacedEvent.getDefaultInstance())) {
			throw event.unknownType();
		}
		ChargeRequest request = ChargeRequest.of(event.parse(OrderPlacedEvent.parser()));
		OrderCharging.Handled handled = this.charging.charge(event.eventId(), request);
		if (handled != null) {
			String name = handled.charged() ? "hashop.payments.charges" : "hashop.payments.outcomes.republished";
			this.meters.counter(name, "status", handled.payment().status().name()).increment();
		}
	}

}
