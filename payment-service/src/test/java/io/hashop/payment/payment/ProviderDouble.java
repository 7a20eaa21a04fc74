package io.hashop.payment.payment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.hashop.payment.provider.ChargeOutcome;
import io.hashop.payment.provider.PaymentProviderProperties;
import io.hashop.payment.provider.ProviderUnavailableException;
import io.hashop.payment.provider.SimulatedPaymentProvider;

/**
 * The simulated provider, counting the calls per idempotency key and failing the first
 * calls of the keys told to.
 */
class ProviderDouble extends SimulatedPaymentProvider {

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	ProviderDouble() {
		super(new PaymentProviderProperties(500_000, Duration.ZERO, 0));
	}

	void failFirstCalls(String key, int failures) {
		this.failuresLeft.put(key, new AtomicInteger(failures));
	}

	int calls(String key) {
		return this.calls.getOrDefault(key, new AtomicInteger()).get();
	}

	@Override
	public ChargeOutcome charge(String idempotencyKey, long amountCents, String currency) {
		this.calls.computeIfAbsent(idempotencyKey, (key) -> new AtomicInteger()).incrementAndGet();
		AtomicInteger failures = this.failuresLeft.get(idempotencyKey);
		if (failures != null && failures.getAndDecrement() > 0) {
			throw new ProviderUnavailableException("Injected failure");
		}
		return super.charge(idempotencyKey, amountCents, currency);
	}

}
