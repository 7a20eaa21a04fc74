package io.hashop.order.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the payment re-drive every {@code interval} on each instance, unless
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
		registrar.addFixedDelayTask(this::runOnce, this.properties.interval());
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
