package io.hashop.user.account;

import java.util.Optional;

import io.hashop.platform.error.RequestValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the configured admin account at start-up when it does not exist yet, and
 * otherwise makes the configured password the valid one: an operator who changes
 * {@code ADMIN_PASSWORD} and restarts expects the old password to stop working. Several
 * instances starting together are safe: the e-mail's unique index lets one of them create
 * the account, and a password update only replaces the hash it has read. An account with
 * the admin's e-mail that is not an admin is left alone.
 */
@Component
class AdminAccountInitializer implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AdminAccountInitializer.class);

	private final AccountProperties.Admin admin;

	private final AccountRegistration registration;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final RequestValidator validator;

	AdminAccountInitializer(AccountProperties properties, AccountRegistration registration, AccountRepository accounts,
			PasswordEncoder passwordEncoder, RequestValidator validator) {
		this.admin = properties.admin();
		this.registration = registration;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.validator = validator;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.admin.email() == null || this.admin.email().isBlank()) {
			logger.info("No admin account configured (hashop.user.admin.email is empty)");
			return;
		}
		RegisterAccountCommand command = new RegisterAccountCommand(this.admin.email(), this.admin.password(),
				this.admin.displayName());
		Optional<Account> existing = this.accounts.findByEmail(command.email().trim());
		if (existing.isEmpty()) {
			try {
				this.registration.register(command, Account.Role.ADMIN);
				logger.info("Created the admin account {}", this.admin.email());
				return;
			}
			catch (EmailTakenException ex) {
				existing = this.accounts.findByEmail(command.email().trim());
			}
		}
		existing.ifPresent((account) -> keepPasswordCurrent(account, command));
	}

	private void keepPasswordCurrent(Account account, RegisterAccountCommand command) {
		if (account.role() != Account.Role.ADMIN) {
			logger.warn("The account {} exists but is not an admin: it is left unchanged", account.email());
			return;
		}
		if (command.password() == null || command.password().isEmpty()) {
			logger.info("The admin account {} already exists; no password configured, the stored one stays",
					account.email());
			return;
		}
		if (this.passwordEncoder.matches(command.password(), account.passwordHash())) {
			logger.info("The admin account {} already exists", account.email());
			return;
		}
		this.validator.validate(command);
		if (this.accounts.replacePasswordHash(account.id(), account.passwordHash(),
				this.passwordEncoder.encode(command.password()))) {
			logger.info("Changed the password of the admin account {} to the configured one (ADMIN_PASSWORD)",
					account.email());
		}
	}

}
