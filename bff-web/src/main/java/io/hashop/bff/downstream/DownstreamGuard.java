package io.hashop.bff.downstream;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Protects the calls to one downstream: a bulkhead caps calls in flight, a circuit
 * breaker fails fast while the downstream is failing, and idempotent reads are retried
 * with jittered backoff, but never into an open breaker, a full bulkhead or past the
 * request's deadline.
 */
public class DownstreamGuard {

	private final String name;

	private final DownstreamProperties.Service config;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	private final Retry retry;

	private final boolean enabled;

	DownstreamGuard(String name, DownstreamProperties.Service config, Registries registries, boolean enabled) {
		this.name = name;
		this.enabled = enabled;
		this.config = config;
		this.circuitBreaker = registries.breakers()
			.circuitBreaker(name,
					CircuitBreakerConfig.custom()
						.failureRateThreshold(config.failureRateThreshold())
						.slidingWindowSize(config.slidingWindowSize())
						.minimumNumberOfCalls(config.minimumNumberOfCalls())
						.waitDurationInOpenState(config.openDuration())
						.permittedNumberOfCallsInHalfOpenState(3)
						.automaticTransitionFromOpenToHalfOpenEnabled(true)
						.recordException(Failures::isFailure)
						.build());
		this.bulkhead = registries.bulkheads()
			.bulkhead(name,
					BulkheadConfig.custom()
						.maxConcurrentCalls(config.maxConcurrentCalls())
						.maxWaitDuration(Duration.ZERO)
						.build());
		this.retry = registries.retries()
			.retry(name,
					RetryConfig.custom()
						.maxAttempts(config.maxAttempts())
						.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(config.retryBackoff(), 2.0, 0.5))
						.retryOnException(Failures::isRetryable)
						.build());
	}

	/** The Resilience4j registries the guards live in, so their metrics are exported. */
	record Registries(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, RetryRegistry retries) {

	}

	/** An idempotent read: retried on transient failures while the deadline allows. */
	public <T> T read(Deadline deadline, Function<Duration, T> call) {
		if (!this.enabled) {
			return execute(attempt(deadline, call));
		}
		return execute(Retry.decorateSupplier(this.retry, protectedAttempt(deadline, call)));
	}

	/** A write: one attempt, never retried. */
	public <T> T write(Deadline deadline, Function<Duration, T> call) {
		return execute(this.enabled ? protectedAttempt(deadline, call) : attempt(deadline, call));
	}

	public String name() {
		return this.name;
	}

	private <T> Supplier<T> protectedAttempt(Deadline deadline, Function<Duration, T> call) {
		Supplier<T> attempt = attempt(deadline, call);
		return CircuitBreaker.decorateSupplier(this.circuitBreaker, Bulkhead.decorateSupplier(this.bulkhead, attempt));
	}

	private <T> Supplier<T> attempt(Deadline deadline, Function<Duration, T> call) {
		return () -> {
			Duration timeout = deadline.remainingOrAtMost(this.config.timeout());
			if (timeout.isZero()) {
				throw new DownstreamUnavailableException(this.name, null);
			}
			return call.apply(timeout);
		};
	}

	private <T> T execute(Supplier<T> guarded) {
		try {
			return guarded.get();
		}
		catch (CallNotPermittedException | BulkheadFullException ex) {
			throw new DownstreamUnavailableException(this.name, ex);
		}
		catch (RuntimeException ex) {
			if (Failures.isFailure(ex)) {
				throw new DownstreamUnavailableException(this.name, ex);
			}
			throw ex;
		}
	}

}
