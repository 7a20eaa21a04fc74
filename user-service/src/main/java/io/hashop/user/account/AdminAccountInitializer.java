package io.hashop.user.account;

import io.hashop.user.config.UserServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the configured admin account at start-up when it does not exist yet. Several
 * instances starting together are safe: the e-mail's unique index lets one of them win.
 */
@Component
class AdminAccountInitializer implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AdminAccountInitializer.class);

	private final UserServiceProperties.Admin admin;

	private final AccountRegistration registration;

	AdminAccountInitializer(UserServiceProperties properties, AccountRegistration registration) {
		this.admin = properties.admin();
		this.registration = registration;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.admin.email() == null || this.admin.email().isBlank()) {
			logger.info("No admin account configured (hashop.user.admin.email is empty)");
			return;
		}
		try {
			this.registration.register(
					new RegisterAccountCommand(this.admin.email(), this.admin.password(), this.admin.displayName()),
					Account.Role.ADMIN);
			logger.info("Created the admin account {}", this.admin.email());
		}
		catch (EmailTakenException ex) {
			logger.info("The admin account {} already exists", this.admin.email());
		}
	}

}
