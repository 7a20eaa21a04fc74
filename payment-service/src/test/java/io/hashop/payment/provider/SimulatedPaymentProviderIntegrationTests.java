package io.hashop.payment.provider;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SimulatedPaymentProviderTests {

	@Test
	void authorizesUpToTheLimitAndDeclinesAboveIt() {
		SimulatedPaymentProvider provider = provider(0);

		assertThat(provider.charge("at-limit", 500_000, "EUR").authorized()).isTrue();
		ChargeOutcome above = provider.charge("above-limit", 500_001, "EUR");
		assertThat(above.authorized()).isFalse();
		assertThat(above.declineReason()).isEqualTo("AMOUNT_ABOVE_LIMIT");
	}

	@Test
	void answersARepeatedKeyWithTheFirstOutcomeWithoutChargingAgain() {
		SimulatedPaymentProvider provider = provider(0);

		ChargeOutcome first = provider.charge("order-1", 1_000, "EUR");
		ChargeOutcome again = provider.charge("order-1", 1_000, "EUR");

		assertThat(again).isEqualTo(first);
		assertThat(provider.chargeCount()).isEqualTo(1);
	}

	@Test
	void failsEveryCallAtAFailureRateOfOneAndChargesNothing() {
		SimulatedPaymentProvider provider = provider(1);

		for (int i = 0; i < 20; i++) {
			String key = "order-" + i;
			assertThatExceptionOfType(ProviderUnavailableException.class)
				.isThrownBy(() -> provider.charge(key, 1_000, "EUR"));
		}
		assertThat(provider.chargeCount()).isZero();
	}

	@Test
	void failsRoughlyTheConfiguredShareOfCalls() {
		SimulatedPaymentProvider provider = provider(0.5);
		int failures = 0;
		for (int i = 0; i < 2_000; i++) {
			try {
				provider.charge("order-" + i, 1_000, "EUR");
			}
			catch (ProviderUnavailableException ex) {
				failures++;
			}
		}
		assertThat(failures).isBetween(800, 1_200);
	}

	private static SimulatedPaymentProvider provider(double failureRate) {
		return new SimulatedPaymentProvider(new PaymentProviderProperties(500_000, Duration.ZERO, failureRate));
	}

}
