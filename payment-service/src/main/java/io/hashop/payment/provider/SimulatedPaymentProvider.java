package io.hashop.payment.provider;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * Stands in for a real payment provider: declines amounts above the limit, can be made
 * slow or flaky, and, like real providers, answers a repeated idempotency key with the
 * first outcome instead of charging again.
 */
@Component
public class SimulatedPaymentProvider {

	private final PaymentProviderProperties properties;

	private final Map<String, ChargeOutcome> outcomesByKey = new ConcurrentHashMap<>();

	public SimulatedPaymentProvider(PaymentProviderProperties properties) {
		this.properties = properties;
	}

	/**
	 * Charges an amount once per idempotency key.
	 * @param idempotencyKey the caller's key; the order id, so one order is charged once
	 * @param amountCents the amount in minor units
	 * @param currency its currency
	 * @return the outcome, the same for every call with the key
	 * @throws ProviderUnavailableException when a failure is injected
	 */
	public ChargeOutcome charge(String idempotencyKey, long amountCents, String currency) {
		simulateLatency();
		if (ThreadLocalRandom.current().nextDouble() < this.properties.failureRate()) {
			throw new ProviderUnavailableException("Simulated provider failure");
		}
		return this.outcomesByKey.computeIfAbsent(idempotencyKey, (key) -> decide(amountCents));
	}

	/**
	 * How many distinct charges the provider has decided, for reconciliation in tests.
	 */
	public int chargeCount() {
		return this.outcomesByKey.size();
	}

	private ChargeOutcome decide(long amountCents) {
		String reference = "sim_" + UUID.randomUUID();
		if (amountCents > this.properties.limitCents()) {
			return new ChargeOutcome(false, reference, "AMOUNT_ABOVE_LIMIT");
		}
		return new ChargeOutcome(true, reference, null);
	}

	private void simulateLatency() {
		long millis = this.properties.latency().toMillis();
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ProviderUnavailableException("Interrupted while waiting for the provider");
			}
		}
	}

}
