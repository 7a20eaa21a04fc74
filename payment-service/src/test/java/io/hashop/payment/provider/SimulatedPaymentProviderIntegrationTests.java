package io.hashop.payment.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The simulated provider against its real ledger in PostgreSQL. Charges are counted where
 * they are: rows of {@code provider_charges}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0",
				"platform.identity.secret=test-secret-test-secret-test-secret-0123" })
@WithTestDatabase
@WithTestKafka
class SimulatedPaymentProviderIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	final MeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void authorizesUpToTheLimitAndDeclinesAboveIt() {
		SimulatedPaymentProvider provider = provider(0, 0);
		String atLimit = key();
		String aboveLimit = key();

		assertThat(provider.charge(atLimit, 500_000, "EUR").authorized()).isTrue();
		ChargeOutcome above = provider.charge(aboveLimit, 500_001, "EUR");
		assertThat(above.authorized()).isFalse();
		assertThat(above.declineReason()).isEqualTo("AMOUNT_ABOVE_LIMIT");
		assertThat(this.jdbc
			.sql("SELECT authorized FROM provider_charges WHERE idempotency_key IN (?, ?) " + "ORDER BY amount_cents")
			.params(atLimit, aboveLimit)
			.query(Boolean.class)
			.list()).containsExactly(true, false);
	}

	@Test
	void answersARepeatedKeyWithTheFirstOutcomeWithoutChargingAgain() {
		SimulatedPaymentProvider provider = provider(0, 0);
		SimulatedPaymentProvider anotherInstance = provider(0, 0);
		long chargesBefore = provider.chargeCount();
		String key = key();

		ChargeOutcome first = provider.charge(key, 1_000, "EUR");
		ChargeOutcome again = provider.charge(key, 1_000, "EUR");
		ChargeOutcome elsewhere = anotherInstance.charge(key, 1_000, "EUR");

		assertThat(again).isEqualTo(first);
		assertThat(elsewhere).isEqualTo(first);
		assertThat(provider.chargeCount()).isEqualTo(chargesBefore + 1);
		assertThat(charges(key)).isEqualTo(1);
		assertThat(this.meters.counter("hashop.payment.provider.charges", "status", "AUTHORIZED").count()).isEqualTo(1);
	}

	@Test
	void chargesAKeyOnceWhenInstancesChargeItConcurrently() throws Exception {
		List<SimulatedPaymentProvider> instances = List.of(provider(0, 0), provider(0, 0));
		String key = key();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ChargeOutcome>> calls = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 8; i++) {
				SimulatedPaymentProvider instance = instances.get(i % 2);
				calls.add(pool.submit(() -> {
					start.await();
					return instance.charge(key, 2_000, "EUR");
				}));
			}
			start.countDown();
			List<ChargeOutcome> outcomes = new ArrayList<>();
			for (Future<ChargeOutcome> call : calls) {
				outcomes.add(call.get());
			}
			assertThat(outcomes).containsOnly(outcomes.get(0));
		}
		assertThat(charges(key)).isEqualTo(1);
	}

	@Test
	void keepsTheChargeWhenTheCallersTransactionRollsBack() {
		SimulatedPaymentProvider provider = provider(0, 0);
		String key = key();

		ChargeOutcome charged = new TransactionTemplate(this.transactionManager).execute((status) -> {
			ChargeOutcome outcome = provider.charge(key, 3_000, "EUR");
			status.setRollbackOnly();
			return outcome;
		});

		assertThat(charges(key)).isEqualTo(1);
		assertThat(provider.charge(key, 3_000, "EUR")).isEqualTo(charged);
		assertThat(charges(key)).isEqualTo(1);
	}

	@Test
	void failsEveryCallAtAFailureRateOfOneAndChargesNothing() {
		SimulatedPaymentProvider provider = provider(1, 0);
		long chargesBefore = provider.chargeCount();

		for (int i = 0; i < 20; i++) {
			String key = key();
			assertThatExceptionOfType(ProviderUnavailableException.class)
				.isThrownBy(() -> provider.charge(key, 1_000, "EUR"));
		}
		assertThat(provider.chargeCount()).isEqualTo(chargesBefore);
	}

	@Test
	void losesTheAnswerAfterChargingAtALostAnswerRateOfOneAndAnswersTheRetryWithTheCharge() {
		SimulatedPaymentProvider losing = provider(0, 1);
		String key = key();

		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> losing.charge(key, 1_000, "EUR"));
		assertThat(charges(key)).isEqualTo(1);
		ChargeOutcome retried = provider(0, 0).charge(key, 1_000, "EUR");

		assertThat(retried.authorized()).isTrue();
		assertThat(charges(key)).isEqualTo(1);
		assertThat(this.meters.counter("hashop.payment.provider.failures", "when", "after-charge").count())
			.isEqualTo(1);
	}

	@Test
	void failsRoughlyTheConfiguredShareOfCalls() {
		SimulatedPaymentProvider provider = provider(0.5, 0);
		List<CompletableFuture<Boolean>> calls = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (int i = 0; i < 2_000; i++) {
				String key = key();
				calls.add(CompletableFuture.supplyAsync(() -> {
					try {
						provider.charge(key, 1_000, "EUR");
						return false;
					}
					catch (ProviderUnavailableException ex) {
						return true;
					}
				}, pool));
			}
		}
		long failures = calls.stream().filter(CompletableFuture::join).count();
		assertThat(failures).isBetween(800L, 1_200L);
	}

	@Test
	void givesUpOnAProviderSlowerThanTheTimeoutAndTheRetryWithTheSameKeyChargesOnce() {
		SimulatedPaymentProvider slow = new SimulatedPaymentProvider(
				new PaymentProviderProperties(500_000, Duration.ofSeconds(3), 0, 0, Duration.ofMillis(200)), this.jdbc,
				this.transactionManager, this.meters);
		String key = key();

		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertThatExceptionOfType(ProviderUnavailableException.class)
					.isThrownBy(() -> slow.charge(key, 4_000, "EUR"))
					.withMessageContaining("did not answer within 200 ms"));
		assertThat(this.meters.counter("hashop.payment.provider.timeouts").count()).isEqualTo(1);

		// Like a real provider, the slow one still charges after the caller stopped
		// waiting.
		await().atMost(Duration.ofSeconds(10)).until(() -> charges(key) == 1);
		ChargeOutcome retried = provider(0, 0).charge(key, 4_000, "EUR");
		ChargeOutcome again = provider(0, 0).charge(key, 4_000, "EUR");

		assertThat(retried.authorized()).isTrue();
		assertThat(again).isEqualTo(retried);
		assertThat(charges(key)).isEqualTo(1);
	}

	@Test
	void aRetryBeforeTheSlowCallFinishesStillLeavesOneCharge() throws Exception {
		SimulatedPaymentProvider slow = new SimulatedPaymentProvider(
				new PaymentProviderProperties(500_000, Duration.ofSeconds(1), 0, 0, Duration.ofMillis(100)), this.jdbc,
				this.transactionManager, this.meters);
		String key = key();

		assertThatExceptionOfType(ProviderUnavailableException.class).isThrownBy(() -> slow.charge(key, 5_000, "EUR"));
		ChargeOutcome retried = provider(0, 0).charge(key, 5_000, "EUR");

		await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> charges(key) == 1);
		assertThat(provider(0, 0).charge(key, 5_000, "EUR")).isEqualTo(retried);
	}

	private SimulatedPaymentProvider provider(double failureRate, double lostAnswerRate) {
		return new SimulatedPaymentProvider(
				new PaymentProviderProperties(500_000, Duration.ZERO, failureRate, lostAnswerRate), this.jdbc,
				this.transactionManager, this.meters);
	}

	private long charges(String key) {
		return this.jdbc.sql("SELECT count(*) FROM provider_charges WHERE idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

}
