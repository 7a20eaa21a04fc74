package io.hashop.order.order;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How orders whose payment outcome never came are asked for again.
 *
 * @param enabled whether this instance re-drives stuck orders (env
 * {@code ORDER_PAYMENT_REDRIVE_ENABLED})
 * @param timeout how long an order may wait for its outcome after its last payment
 * request was sent before it is asked for again; also the first back-off (env
 * {@code ORDER_PAYMENT_REDRIVE_TIMEOUT})
 * @param maxBackoff the longest wait between two requests for one order: the back-off
 * doubles per request up to this cap (env {@code ORDER_PAYMENT_REDRIVE_MAX_BACKOFF})
 * @param interval how often an instance looks for stuck orders (env
 * {@code ORDER_PAYMENT_REDRIVE_INTERVAL})
 * @param batchSize the most stuck orders one look handles (env
 * {@code ORDER_PAYMENT_REDRIVE_BATCH_SIZE})
 */
@Validated
@ConfigurationProperties("hashop.order.payment-redrive")
record PaymentRedriveProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") @NotNull Duration timeout,
		@DefaultValue("10m") @NotNull Duration maxBackoff, @DefaultValue("5s") @NotNull Duration interval,
		@DefaultValue("100") @Min(1) @Max(1000) int batchSize) {

	/**
	 * The wait after the given number of payment requests before the next one:
	 * {@code timeout * 2^(requests - 1)}, capped at {@code maxBackoff}.
	 */
	Duration backoffAfter(int requests) {
		Duration backoff = this.timeout;
		for (int i = 1; i < requests && backoff.compareTo(this.maxBackoff) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return (backoff.compareTo(this.maxBackoff) < 0) ? backoff : this.maxBackoff;
	}

}
