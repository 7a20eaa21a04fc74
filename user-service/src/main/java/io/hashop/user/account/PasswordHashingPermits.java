package io.hashop.user.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Caps concurrent Argon2id hashes, so that a burst of logins or registrations costs at
 * most {@code permits} × 19 MiB and as many cores, however many calls arrive. A call
 * waits a bounded time for a permit, then fails with {@link PasswordHashingBusyException}
 * (gRPC {@code RESOURCE_EXHAUSTED}). Exports {@code hashop.user.password.hashing.in.use}
 * and {@code hashop.user.password.hashing.rejected}.
 */
@Component
class PasswordHashingPermits {

	private final Semaphore permits;

	private final Duration maxWait;

	private final Counter rejected;

	PasswordHashingPermits(AccountProperties properties, MeterRegistry meters) {
		int size = properties.passwordHashing().effectivePermits();
		this.permits = new Semaphore(size, true);
		this.maxWait = properties.passwordHashing().maxWait();
		this.rejected = meters.counter("hashop.user.password.hashing.rejected");
		Gauge.builder("hashop.user.password.hashing.in.use", this.permits, (free) -> size - free.availablePermits())
			.register(meters);
	}

	/** Runs a hash under a permit, waiting at most {@code max-wait} for one. */
	<T> T hash(Supplier<T> hashing) {
		acquire();
		try {
			return hashing.get();
		}
		finally {
			this.permits.release();
		}
	}

	private void acquire() {
		try {
			if (this.permits.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.rejected.increment();
		throw new PasswordHashingBusyException();
	}

}
