package io.hashop.payment.payment;

import java.util.UUID;

import io.hashop.contracts.order.v1.OrderPlacedEvent;
import io.hashop.platform.kafka.IncomingEvent;
import io.hashop.platform.kafka.PoisonEventException;

/** What a placed order asks to be charged: validated, since the payload is untrusted. */
record ChargeRequest(UUID orderId, UUID userId, long amountCents, String currency) {

	static ChargeRequest of(OrderPlacedEvent event) {
		if (event.getTotalCents() <= 0 || !event.getCurrency().matches("[A-Z]{3}")) {
			throw new PoisonEventException(
					"Not a chargeable order: " + event.getTotalCents() + " " + event.getCurrency());
		}
		return new ChargeRequest(IncomingEvent.uuid(event.getOrderId()), IncomingEvent.uuid(event.getUserId()),
				event.getTotalCents(), event.getCurrency());
	}

}
