package io.hashop.payment.payment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.hashop.payment.provider.ChargeOutcome;
import io.hashop.payment.provider.PaymentProviderProperties;
import io.hashop.payment.provider.ProviderUnavailableException;
import io.hashop.payment.provider.SimulatedPaymentProvider;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The simulated provider with its real ledger, counting the calls per idempotency key,
 * failing the first calls of the keys told to before charging, and losing the first
 * answers of the keys told to after charging.
 */
class ProviderDouble extends SimulatedPaymentProvider {

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> lostAnswersLeft = new ConcurrentHashMap<>();

	ProviderDouble(JdbcClient jdbc, PlatformTransactionManager transactionManager, MeterRegistry meters) {
		super(new PaymentProviderProperties(500_000, Duration.ZERO, 0, 0), jdbc, transactionManager, meters);
	}

	void failFirstCalls(String key, int failures) {
		this.failuresLeft.put(key, new AtomicInteger(failures));
	}

	void loseFirstAnswers(String key, int answers) {
		this.lostAnswersLeft.put(key, new AtomicInteger(answers));
	}

	int calls(String key) {
		return this.calls.getOrDefault(key, new AtomicInteger()).get();
	}

	@Override
	public ChargeOutcome charge(String idempotencyKey, long amountCents, String currency) {
		this.calls.computeIfAbsent(idempotencyKey, (key) -> new AtomicInteger()).incrementAndGet();
		if (decrement(this.failuresLeft, idempotencyKey)) {
			throw new ProviderUnavailableException("Injected failure");
		}
		ChargeOutcome outcome = super.charge(idempotencyKey, amountCents, currency);
		if (decrement(this.lostAnswersLeft, idempotencyKey)) {
			throw new ProviderUnavailableException("Injected failure after charging: the answer is lost");
		}
		return outcome;
	}

	private static boolean decrement(Map<String, AtomicInteger> counters, String key) {
		AtomicInteger left = counters.get(key);
		return left != null && left.getAndDecrement() > 0;
	}

}
