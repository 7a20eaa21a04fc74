package io.hashop.bff.downstream;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineTests {

	@Test
	void leavesTheWholeBudgetAtFirstAndCountsDown() {
		Duration budget = Duration.ofSeconds(30);
		long before = System.nanoTime();
		Deadline deadline = Deadline.after(budget);
		long after = System.nanoTime();

		assertThat(deadline.nanoTime()).isBetween(before + budget.toNanos(), after + budget.toNanos());
		assertThat(deadline.remaining()).isLessThanOrEqualTo(budget).isGreaterThan(Duration.ofSeconds(20));
		Duration first = deadline.remaining();
		assertThat(deadline.remaining()).isLessThanOrEqualTo(first);
	}

	@Test
	void hasNothingLeftOncePassedNeverLessThanNothing() {
		Deadline passed = new Deadline(System.nanoTime() - Duration.ofSeconds(1).toNanos());

		assertThat(passed.remaining()).isZero();
		assertThat(passed.remainingOrAtMost(Duration.ofMillis(800))).isZero();
		assertThat(Deadline.after(Duration.ZERO).remaining()).isZero();
	}

	@Test
	void givesACallItsTimeoutWhileTheBudgetIsLarger() {
		Deadline deadline = Deadline.after(Duration.ofSeconds(3));

		assertThat(deadline.remainingOrAtMost(Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(800));
	}

	@Test
	void givesACallOnlyWhatIsLeftOfTheBudgetWhenThatIsLess() {
		Deadline deadline = Deadline.after(Duration.ofSeconds(2));

		Duration timeout = deadline.remainingOrAtMost(Duration.ofSeconds(4));

		assertThat(timeout).isLessThanOrEqualTo(Duration.ofSeconds(2)).isPositive();
	}

}
