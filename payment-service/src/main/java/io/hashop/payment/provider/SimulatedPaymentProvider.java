package io.hashop.payment.provider;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stands in for a real payment provider: declines amounts above the limit, can be made
 * slow or flaky, and, like real providers, answers a repeated idempotency key with the
 * first outcome instead of charging again. Its idempotency record is durable and shared
 * by every instance ({@code provider_charges}, see {@link ProviderLedger}), and a charge
 * is committed there before the call returns, whatever the caller's transaction does
 * next. A call waits at most {@code timeout} for the answer: a slower provider is
 * unavailable to the caller, who retries with the same key, while the provider may still
 * finish (and charge) on its side, as a real one does; the ledger turns the retry into
 * the first outcome. Counts each new charge in {@code hashop.payment.provider.charges},
 * each injected failure in {@code hashop.payment.provider.failures} and each call given
 * up in {@code hashop.payment.provider.timeouts}.
 */
@Component
public class SimulatedPaymentProvider {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

	private final PaymentProviderProperties properties;

	private final ProviderLedger ledger;

	private final MeterRegistry meters;

	/** The provider's side of each call, so the caller can stop waiting for it. */
	private final ExecutorService providerSide = Executors.newVirtualThreadPerTaskExecutor();

	public SimulatedPaymentProvider(PaymentProviderProperties properties, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, MeterRegistry meters) {
		this.properties = properties;
		this.ledger = new ProviderLedger(jdbc, transactionManager);
		this.meters = meters;
	}

	/**
	 * Charges an amount once per idempotency key.
	 * @param idempotencyKey the caller's key; the order id, so one order is charged once
	 * @param amountCents the amount in minor units
	 * @param currency its currency
	 * @return the outcome, the same for every call with the key
	 * @throws ProviderUnavailableException when no answer came within the timeout, or a
	 * failure is injected, before charging or, with the lost-answer rate, after charging
	 */
	public ChargeOutcome charge(String idempotencyKey, long amountCents, String currency) {
		Future<ChargeOutcome> answer = this.providerSide
			.submit(() -> chargeOnTheProviderSide(idempotencyKey, amountCents, currency));
		try {
			return answer.get(this.properties.timeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			this.meters.counter("hashop.payment.provider.timeouts").increment();
			throw new ProviderUnavailableException(
					"The provider did not answer within " + this.properties.timeout().toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException("The provider call failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderUnavailableException("Interrupted while waiting for the provider");
		}
	}

	@PreDestroy
	void stop() {
		this.providerSide.shutdownNow();
	}

	private ChargeOutcome chargeOnTheProviderSide(String idempotencyKey, long amountCents, String currency) {
		simulateLatency();
		if (ThreadLocalRandom.current().nextDouble() < this.properties.failureRate()) {
			this.meters.counter("hashop.payment.provider.failures", "when", "before-charge").increment();
			throw new ProviderUnavailableException("Simulated provider failure");
		}
		ProviderLedger.Recorded recorded = this.ledger.recordOnce(idempotencyKey, amountCents, currency,
				decide(amountCents));
		if (recorded.charged()) {
			this.meters
				.counter("hashop.payment.provider.charges", "status",
						recorded.outcome().authorized() ? "AUTHORIZED" : "DECLINED")
				.increment();
		}
		else {
			logger.debug("Idempotency key {} was charged before: answering with the first outcome", idempotencyKey);
		}
		if (ThreadLocalRandom.current().nextDouble() < this.properties.lostAnswerRate()) {
			this.meters.counter("hashop.payment.provider.failures", "when", "after-charge").increment();
			throw new ProviderUnavailableException("Simulated provider failure: the answer was lost after charging");
		}
		return recorded.outcome();
	}

	/**
	 * How many distinct charges the provider has recorded, on every instance and across
	 * restarts, for reconciliation in tests.
	 */
	public long chargeCount() {
		return this.ledger.count();
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
