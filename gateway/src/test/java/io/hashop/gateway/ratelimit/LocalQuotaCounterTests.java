package io.hashop.gateway.ratelimit;

import java.time.Duration;

import io.hashop.gateway.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalQuotaCounterTests {

	private final TestClock clock = new TestClock();

	private final LocalQuotaCounter counter = new LocalQuotaCounter(1000, this.clock);

	private final Quota quota = new Quota("auth", "auth:/api/auth/login:10.0.0.1", 3, Duration.ofMinutes(1));

	@Test
	void allowsTheLimitThenRefusesUntilTheWindowEnds() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.counter.chargeNow(this.quota).allowed()).isTrue();
		}
		this.clock.advance(Duration.ofSeconds(20));

		Verdict refused = this.counter.chargeNow(this.quota);

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.rule()).isEqualTo("auth");
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
	}

	@Test
	void givesBackAChargeWithinTheWindowOnly() {
		for (int i = 0; i < 3; i++) {
			this.counter.chargeNow(this.quota);
		}
		this.counter.refund(this.quota).block();

		assertThat(this.counter.chargeNow(this.quota).allowed()).isTrue();
		assertThat(this.counter.chargeNow(this.quota).allowed()).isFalse();
		this.clock.advance(Duration.ofMinutes(1));
		this.counter.refund(this.quota).block();
		this.counter.refund(this.quota).block();
		for (int i = 0; i < 3; i++) {
			assertThat(this.counter.chargeNow(this.quota).allowed()).isTrue();
		}
		assertThat(this.counter.chargeNow(this.quota).allowed()).isFalse();
	}

	@Test
	void startsAFreshWindowOnceTheOldOneEnded() {
		for (int i = 0; i < 4; i++) {
			this.counter.chargeNow(this.quota);
		}
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(this.counter.chargeNow(this.quota).allowed()).isTrue();
	}

	@Test
	void countsEachKeySeparately() {
		for (int i = 0; i < 4; i++) {
			this.counter.chargeNow(this.quota);
		}

		assertThat(this.counter.chargeNow(new Quota("auth", "auth:/api/auth/login:10.0.0.2", 3, Duration.ofMinutes(1)))
			.allowed()).isTrue();
	}

}
