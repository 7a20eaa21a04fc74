package io.hashop.payment.provider;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Behaviour of the simulated payment provider.
 *
 * @param limitCents amounts above this are declined (env {@code PAYMENT_LIMIT_CENTS})
 * @param latency added to every call, to simulate a slow provider (env
 * {@code PAYMENT_PROVIDER_LATENCY})
 * @param failureRate share of calls, 0 to 1, that fail before charging, as if the
 * provider were unavailable (env {@code PAYMENT_PROVIDER_FAILURE_RATE})
 * @param lostAnswerRate share of calls, 0 to 1, that charge and then fail, as if the
 * answer were lost on the way back: the caller must retry with the same key (env
 * {@code PAYMENT_PROVIDER_LOST_ANSWER_RATE})
 * @param timeout how long a charge waits for the provider's answer; a slower answer is
 * treated as unavailable and the charge retried with the same idempotency key (env
 * {@code PAYMENT_PROVIDER_TIMEOUT})
 */
@Validated
@ConfigurationProperties("hashop.payment.provider")
public record PaymentProviderProperties(@DefaultValue("500000") @Positive long limitCents,
		@DefaultValue("0ms") @NotNull Duration latency,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double failureRate,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double lostAnswerRate,
		@DefaultValue("2s") @NotNull Duration timeout) {

	/** The default {@link #timeout()}. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	@ConstructorBinding
	public PaymentProviderProperties {
	}

	/** Settings with the default timeout. */
	public PaymentProviderProperties(long limitCents, Duration latency, double failureRate, double lostAnswerRate) {
		this(limitCents, latency, failureRate, lostAnswerRate, DEFAULT_TIMEOUT);
	}

}
