package io.hashop.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.hashop.gateway.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	private final TestClock clock = new TestClock();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Quota login = new Quota("auth", "auth:/api/auth/login:10.0.0.1", 2, Duration.ofMinutes(1));

	private final AtomicInteger redisCalls = new AtomicInteger();

	@Test
	void holdsTheLimitLocallyWhenRedisFails() {
		RateLimiter limiter = limiter((quota) -> Mono.error(new IllegalStateException("connection refused")));

		assertThat(charge(limiter, 3)).containsExactly(true, true, false);
		assertThat(this.meters.counter("hashop.gateway.rate.limit.rejections", "rule", "auth").count()).isEqualTo(1);
	}

	@Test
	void decidesWithinTheTimeoutWhenRedisHangs() {
		RateLimiter limiter = limiter((quota) -> Mono.never());

		long start = System.nanoTime();
		List<Boolean> verdicts = charge(limiter, 3);

		assertThat(verdicts).containsExactly(true, true, false);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void leavesRedisAloneForTheBackOffPeriodThenTriesAgain() {
		RateLimiter limiter = limiter((quota) -> Mono.error(new IllegalStateException("down")));

		charge(limiter, 3);
		assertThat(this.redisCalls).hasValue(1);
		this.clock.advance(Duration.ofSeconds(5));
		charge(limiter, 1);

		assertThat(this.redisCalls).hasValue(2);
		assertThat(this.meters.counter("hashop.gateway.rate.limit.local.decisions").count()).isEqualTo(4);
	}

	@Test
	void followsRedisWhileItAnswers() {
		RateLimiter limiter = limiter((quota) -> Mono.just(Verdict.of(quota, 99, Duration.ofSeconds(7))));

		Verdict verdict = limiter.charge(List.of(this.login)).block();

		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void refusesWhenAnyQuotaIsFullAndWaitsForTheLatest() {
		Verdict allowed = Verdict.ALLOWED;
		Verdict soon = new Verdict(false, Duration.ofSeconds(5), "user");
		Verdict later = new Verdict(false, Duration.ofSeconds(50), "ip");

		assertThat(allowed.and(allowed).allowed()).isTrue();
		assertThat(allowed.and(soon)).isEqualTo(soon);
		assertThat(later.and(allowed)).isEqualTo(later);
		assertThat(soon.and(later)).isEqualTo(later);
	}

	private RateLimiter limiter(QuotaCounter redis) {
		RateLimitProperties properties = new RateLimitProperties(true, List.of("/api/auth/login"), 2,
				Duration.ofMinutes(1), List.of("/api/auth/login"), 2, Duration.ofMinutes(5), 100, 100,
				Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofSeconds(5), "test", 1000,
				Duration.ofMillis(100));
		QuotaCounter counting = (quota) -> {
			this.redisCalls.incrementAndGet();
			return redis.charge(quota);
		};
		return new RateLimiter(counting, new LocalQuotaCounter(1000, this.clock), properties, this.clock, this.meters);
	}

	private List<Boolean> charge(RateLimiter limiter, int times) {
		return IntStream.range(0, times)
			.mapToObj((i) -> limiter.charge(List.of(this.login)).block().allowed())
			.toList();
	}

}
