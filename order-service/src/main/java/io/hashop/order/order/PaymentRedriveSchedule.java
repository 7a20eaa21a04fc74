package io.hashop.order.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the payment re-drive every {@code interval} on each instance, from one
 * {@code timeout} after start-up, unless
 * {@code hashop.order.payment-redrive.enabled=false}; a failed pass (database away) is
 * logged and the next one tries again.
 */
@Component
@ConditionalOnBooleanProperty(name = "hashop.order.payment-redrive.enabled", matchIfMissing = true)
class PaymentRedriveSchedule implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(PaymentRedriveSchedule.class);

	private final PaymentRedrive redrive;

	private final PaymentRedriveProperties properties;

	PaymentRedriveSchedule(PaymentRedrive redrive, PaymentRedriveProperties properties) {
		this.redrive = redrive;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// The first pass waits a whole timeout: outcomes that arrived while this instance
		// was down are still being consumed, and would otherwise be asked for again.
		registrar.addFixedDelayTask(
				new FixedDelayTask(this::runOnce, this.properties.interval(), this.properties.timeout()));
	}

	private void runOnce() {
		try {
			this.redrive.redriveDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Payment re-drive failed, trying again in {}: {}", this.properties.interval(), ex.getMessage());
		}
	}

}
