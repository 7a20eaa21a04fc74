package io.hashop.bff.downstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class DownstreamGuardTests {

	private static final String NAME = "order-service";

	private static final Deadline AMPLE = Deadline.after(Duration.ofHours(1));

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

	/** The timeout each call to the downstream was given, one entry per call. */
	private final List<Duration> calls = new CopyOnWriteArrayList<>();

	@Test
	void givesEachCallTheServiceTimeoutWhileTheRequestBudgetIsLarger() {
		assertThat(guard(service()).read(AMPLE, answering("ok"))).isEqualTo("ok");

		assertThat(this.calls).containsExactly(Duration.ofMillis(800));
	}

	@Test
	void givesACallOnlyWhatIsLeftOfTheRequestBudget() {
		DownstreamGuard guard = guard(
				service(Duration.ofSeconds(30), 2, Duration.ofMillis(1), 64, Duration.ofHours(1)));

		guard.write(Deadline.after(Duration.ofSeconds(2)), answering("ok"));

		assertThat(this.calls).singleElement()
			.satisfies((timeout) -> assertThat(timeout).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2)));
	}

	@Test
	void refusesWithoutCallingOnceTheBudgetIsSpent() {
		DownstreamGuard guard = guard(service());
		Deadline spent = new Deadline(System.nanoTime() - 1);

		for (Runnable call : List.<Runnable>of(() -> guard.read(spent, answering("ok")),
				() -> guard.write(spent, answering("ok")))) {
			assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(call::run)
				.satisfies((ex) -> assertThat(ex.downstream()).isEqualTo(NAME))
				.withNoCause();
		}
		assertThat(this.calls).isEmpty();
	}

	@Test
	void retriesAReadThatDidNotGetThrough() {
		AtomicInteger attempts = new AtomicInteger();

		String answer = guard(service()).read(AMPLE, (timeout) -> {
			this.calls.add(timeout);
			if (attempts.incrementAndGet() == 1) {
				throw Status.UNAVAILABLE.asRuntimeException();
			}
			return "second";
		});

		assertThat(answer).isEqualTo("second");
		assertThat(this.calls).hasSize(2);
	}

	@Test
	void givesUpAfterTheLastAttemptAsUnavailable() {
		DownstreamGuard guard = guard(
				service(Duration.ofMillis(800), 3, Duration.ofMillis(1), 64, Duration.ofHours(1)));

		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> guard.read(AMPLE, failingWith(Status.UNAVAILABLE)))
			.havingCause()
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					(ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
		assertThat(this.calls).hasSize(3);
	}

	@Test
	void neverRetriesAWrite() {
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> guard(service()).write(AMPLE, failingWith(Status.UNAVAILABLE)));

		assertThat(this.calls).hasSize(1);
	}

	@Test
	void neverRetriesAReadThatMayHaveGotThrough() {
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> guard(service()).read(AMPLE, failingWith(Status.DEADLINE_EXCEEDED)));

		assertThat(this.calls).hasSize(1);
	}

	@Test
	void neverRetriesPastTheRequestsDeadline() {
		// Ten attempts with backoffs from 20 ms, doubled each time and randomised by
		// half:
		// all ten would take seconds; after the third backoff (70 ms at the earliest) at
		// most
		// one more attempt fits in the 100 ms budget. A breaker that cannot open here.
		DownstreamGuard guard = guard(new DownstreamProperties.Service(Duration.ofMillis(800), 10,
				Duration.ofMillis(20), 64, 50, 100, 100, Duration.ofHours(1)));
		Deadline deadline = Deadline.after(Duration.ofMillis(100));
		List<Long> startedAt = new CopyOnWriteArrayList<>();

		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> guard.read(deadline, (timeout) -> {
				startedAt.add(System.nanoTime());
				throw Status.UNAVAILABLE.asRuntimeException();
			}));

		assertThat(startedAt).hasSizeLessThan(10).allSatisfy((at) -> assertThat(at).isLessThan(deadline.nanoTime()));
	}

	@Test
	void passesABusinessAnswerOnAsItIsWithoutCountingIt() {
		DownstreamGuard guard = guard(service());

		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> guard.read(AMPLE, failingWith(Status.NOT_FOUND)))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		}

		assertThat(this.calls).hasSize(10);
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void opensTheBreakerOnFailuresAndThenRefusesWithoutCalling() {
		DownstreamGuard guard = guard(service());

		open(guard);

		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> guard.read(AMPLE, answering("ok")))
			.withCauseInstanceOf(CallNotPermittedException.class);
		assertThat(this.calls).hasSize(4);
	}

	@Test
	void probesHalfOpenAfterTheOpenDurationAndClosesWhenTheProbesSucceed() {
		DownstreamGuard guard = guard(
				service(Duration.ofMillis(800), 2, Duration.ofMillis(1), 64, Duration.ofMillis(50)));
		List<CircuitBreaker.StateTransition> transitions = transitions();

		openUntilHalfOpen(guard, transitions);
		for (int i = 0; i < 3; i++) {
			assertThat(guard.read(AMPLE, answering("ok"))).isEqualTo("ok");
		}

		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(transitions).containsExactly(CircuitBreaker.StateTransition.CLOSED_TO_OPEN,
				CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN, CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
	}

	@Test
	void opensAgainWhenTheHalfOpenProbesFail() {
		DownstreamGuard guard = guard(
				service(Duration.ofMillis(800), 2, Duration.ofMillis(1), 64, Duration.ofMillis(50)));
		List<CircuitBreaker.StateTransition> transitions = transitions();

		openUntilHalfOpen(guard, transitions);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(DownstreamUnavailableException.class)
				.isThrownBy(() -> guard.write(AMPLE, failingWith(Status.UNAVAILABLE)));
		}

		// Checked by transition: the breaker half-opens again by itself 50 ms later.
		assertThat(transitions).startsWith(CircuitBreaker.StateTransition.CLOSED_TO_OPEN,
				CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN, CircuitBreaker.StateTransition.HALF_OPEN_TO_OPEN);
	}

	@Test
	void refusesACallAtOnceWhileTheBulkheadIsFull() throws Exception {
		DownstreamGuard guard = guard(service(Duration.ofMillis(800), 2, Duration.ofMillis(1), 1, Duration.ofHours(1)));
		CountDownLatch inFlight = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> guard.write(AMPLE, (timeout) -> {
			inFlight.countDown();
			awaitQuietly(release);
			return "first";
		}));
		assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> guard.read(AMPLE, answering("second")))
			.withCauseInstanceOf(BulkheadFullException.class);
		assertThat(this.calls).isEmpty();
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(guard.read(AMPLE, answering("third"))).isEqualTo("third");
	}

	@Test
	void keepsOnlyTheTimeoutWhenTheGuardsAreOff() {
		DownstreamGuard guard = new DownstreamGuard(NAME, service(), registries(), false);

		for (int i = 0; i < 6; i++) {
			assertThatExceptionOfType(DownstreamUnavailableException.class)
				.isThrownBy(() -> guard.read(AMPLE, failingWith(Status.UNAVAILABLE)));
		}

		assertThat(this.calls).hasSize(6).containsOnly(Duration.ofMillis(800));
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	/** Opens the breaker, and waits until it lets probes through by itself. */
	private void openUntilHalfOpen(DownstreamGuard guard, List<CircuitBreaker.StateTransition> transitions) {
		open(guard);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> transitions.contains(CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN));
	}

	/** Four failed calls: the whole sliding window, all failures. */
	private void open(DownstreamGuard guard) {
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(DownstreamUnavailableException.class)
				.isThrownBy(() -> guard.write(AMPLE, failingWith(Status.UNAVAILABLE)));
		}
	}

	private Function<Duration, String> answering(String answer) {
		return (timeout) -> {
			this.calls.add(timeout);
			return answer;
		};
	}

	private Function<Duration, String> failingWith(Status status) {
		return (timeout) -> {
			this.calls.add(timeout);
			throw status.asRuntimeException();
		};
	}

	private DownstreamGuard guard(DownstreamProperties.Service config) {
		return new DownstreamGuard(NAME, config, registries(), true);
	}

	private DownstreamGuard.Registries registries() {
		return new DownstreamGuard.Registries(this.breakers, BulkheadRegistry.ofDefaults(), RetryRegistry.ofDefaults());
	}

	/** The breaker's state changes from now on. */
	private List<CircuitBreaker.StateTransition> transitions() {
		List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
		breaker().getEventPublisher().onStateTransition((event) -> transitions.add(event.getStateTransition()));
		return transitions;
	}

	private CircuitBreaker breaker() {
		return this.breakers.circuitBreaker(NAME);
	}

	/**
	 * 800 ms a call, two attempts, 64 calls at once, opens at half of four calls failed.
	 */
	private static DownstreamProperties.Service service() {
		return service(Duration.ofMillis(800), 2, Duration.ofMillis(1), 64, Duration.ofHours(1));
	}

	private static DownstreamProperties.Service service(Duration timeout, int maxAttempts, Duration retryBackoff,
			int maxConcurrentCalls, Duration openDuration) {
		return new DownstreamProperties.Service(timeout, maxAttempts, retryBackoff, maxConcurrentCalls, 50, 4, 4,
				openDuration);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
