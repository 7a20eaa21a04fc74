package io.hashop.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import io.hashop.gateway.TestClock;
import io.hashop.gateway.ratelimit.BatchedCounts.Unsettled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedCountsTests {

	private final TestClock clock = new TestClock();

	private final BatchedCounts batches = new BatchedCounts(1000, this.clock);

	private final Quota user = new Quota("user", "user:abc", 7, Duration.ofMinutes(1), true);

	private final Quota ip = new Quota("ip", "ip:10.0.0.1", 100, Duration.ofMinutes(1), true);

	@Test
	void leavesAQuotaToRedisUntilRedisHasToldItsWindow() {
		assertThat(this.batches.charge(List.of(this.user))).isNull();

		this.batches.observed(this.user, 1, Duration.ofMinutes(1));

		assertThat(this.batches.charge(List.of(this.user))).isEqualTo(Verdict.ALLOWED);
	}

	@Test
	void neverCountsAQuotaThatIsNotBatchedInMemory() {
		Quota login = new Quota("auth", "auth:/api/auth/login:10.0.0.1", 10, Duration.ofMinutes(1));

		this.batches.observed(login, 1, Duration.ofMinutes(1));

		assertThat(this.batches.charge(List.of(login))).isNull();
	}

	@Test
	void countsOnFromWhatRedisReportedAndRefusesOverTheLimit() {
		this.batches.observed(this.user, 5, Duration.ofSeconds(40));
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(this.batches.charge(List.of(this.user)).allowed()).isTrue();
		assertThat(this.batches.charge(List.of(this.user)).allowed()).isTrue();
		Verdict refused = this.batches.charge(List.of(this.user));

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.rule()).isEqualTo("user");
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void chargesNoQuotaOfARequestWhenOneHasNoWindowYet() {
		this.batches.observed(this.user, 1, Duration.ofMinutes(1));

		assertThat(this.batches.charge(List.of(this.user, this.ip))).isNull();

		assertThat(this.batches.takeUnsettled()).isEmpty();
	}

	@Test
	void settlesWhatItCountedAndLearnsWhatOtherInstancesCounted() {
		this.batches.observed(this.user, 1, Duration.ofMinutes(1));
		this.batches.charge(List.of(this.user));
		this.batches.charge(List.of(this.user));

		assertThat(this.batches.takeUnsettled()).containsExactly(new Unsettled(this.user, 2));
		// Counted while the settlement is on its way: in flight and pending both still
		// count.
		assertThat(this.batches.charge(List.of(this.user)).allowed()).isTrue();
		// Redis: our 1 + 2, and 3 from another instance.
		this.batches.settled(this.user, 6, Duration.ofMinutes(1));

		assertThat(this.batches.charge(List.of(this.user)).allowed()).isFalse();
		assertThat(this.batches.takeUnsettled()).containsExactly(new Unsettled(this.user, 2));
	}

	@Test
	void keepsInFlightCountsUntilRedisAnswers() {
		this.batches.observed(this.user, 5, Duration.ofMinutes(1));
		this.batches.charge(List.of(this.user));
		this.batches.takeUnsettled();

		assertThat(this.batches.charge(List.of(this.user)).allowed()).isTrue();
		assertThat(this.batches.charge(List.of(this.user)).allowed()).isFalse();
	}

	@Test
	void forgetsAWindowThatEndedAndSettlesNothingOfIt() {
		this.batches.observed(this.user, 1, Duration.ofSeconds(30));
		this.batches.charge(List.of(this.user));

		this.clock.advance(Duration.ofSeconds(30));

		assertThat(this.batches.charge(List.of(this.user))).isNull();
		assertThat(this.batches.takeUnsettled()).isEmpty();
	}

	@Test
	void dropsAWindowThatRedisEndedAndStartedAgain() {
		this.batches.observed(this.user, 1, Duration.ofSeconds(2));
		this.batches.charge(List.of(this.user));
		this.batches.takeUnsettled();

		this.batches.settled(this.user, 1, Duration.ofMinutes(1));

		assertThat(this.batches.charge(List.of(this.user))).isNull();
	}

	@Test
	void forgetsEveryWindowWhenCleared() {
		this.batches.observed(this.user, 1, Duration.ofMinutes(1));
		this.batches.observed(this.ip, 1, Duration.ofMinutes(1));

		this.batches.clear();

		assertThat(this.batches.charge(List.of(this.user))).isNull();
		assertThat(this.batches.charge(List.of(this.ip))).isNull();
	}

}
