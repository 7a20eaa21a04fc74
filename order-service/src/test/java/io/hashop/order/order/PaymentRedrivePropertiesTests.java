package io.hashop.order.order;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentRedrivePropertiesTests {

	@Test
	void doublesTheWaitPerRequestUpToTheCap() {
		PaymentRedriveProperties properties = new PaymentRedriveProperties(true, Duration.ofSeconds(30),
				Duration.ofMinutes(10), Duration.ofSeconds(5), 100);

		assertThat(IntStream.rangeClosed(1, 8).mapToObj(properties::backoffAfter)).containsExactly(
				Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofMinutes(8), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10));
		assertThat(properties.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void neverWaitsLongerThanTheCapEvenWhenTheTimeoutIsLonger() {
		PaymentRedriveProperties properties = new PaymentRedriveProperties(true, Duration.ofMinutes(20),
				Duration.ofMinutes(10), Duration.ofSeconds(5), 100);

		assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofMinutes(10));
	}

}
