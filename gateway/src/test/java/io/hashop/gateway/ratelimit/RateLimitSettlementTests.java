package io.hashop.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RateLimitSettlementTests {

	private final AtomicInteger settlements = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	@Test
	void settlesOnceMoreWhenStopped() {
		RateLimitSettlement settlement = new RateLimitSettlement(limiter(false), Duration.ofHours(1));

		settlement.start();
		assertThat(this.settlements).hasValue(0);
		settlement.stop();

		assertThat(this.settlements).hasValue(1);
		assertThat(settlement.isRunning()).isFalse();
	}

	@Test
	void settlesEveryIntervalWhileRunningAndNotAfterStopping() {
		RateLimitSettlement settlement = new RateLimitSettlement(limiter(false), Duration.ofMillis(20));

		settlement.start();
		await().atMost(Duration.ofSeconds(2)).until(() -> this.settlements.get() >= 3);
		settlement.stop();
		int afterStop = this.settlements.get();

		assertThat(settlement.isRunning()).isFalse();
		await().during(Duration.ofMillis(200))
			.atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(this.settlements).hasValue(afterStop));
	}

	@Test
	void keepsSettlingAfterASettlementFailed() {
		RateLimitSettlement settlement = new RateLimitSettlement(limiter(true), Duration.ofMillis(20));

		settlement.start();
		try {
			// A failure starts the limiter's back-off (zero here), not the end of the
			// loop.
			await().atMost(Duration.ofSeconds(2)).until(() -> this.failures.get() >= 3);
		}
		finally {
			settlement.stop();
		}
	}

	private RateLimiter limiter(boolean failing) {
		QuotaCounter shared = new QuotaCounter() {

			@Override
			public Mono<Verdict> charge(Quota quota) {
				return Mono.just(Verdict.ALLOWED);
			}

			@Override
			public Mono<Void> settle() {
				return Mono.defer(() -> {
					RateLimitSettlementTests.this.settlements.incrementAndGet();
					if (failing) {
						RateLimitSettlementTests.this.failures.incrementAndGet();
						return Mono.error(new IllegalStateException("Redis is down"));
					}
					return Mono.empty();
				});
			}

		};
		RateLimitProperties properties = new RateLimitProperties(true, List.of("/api/auth/login"), 2,
				Duration.ofMinutes(1), List.of("/api/auth/login"), 2, Duration.ofMinutes(5), 100, 100,
				Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ZERO, "test", 1000, Duration.ofMillis(20));
		Clock clock = Clock.systemUTC();
		return new RateLimiter(shared, new LocalQuotaCounter(1000, clock), properties, clock,
				new SimpleMeterRegistry());
	}

}
