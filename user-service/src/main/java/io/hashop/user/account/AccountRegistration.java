package io.hashop.user.account;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.hashop.platform.error.RequestValidator;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates accounts: validated input, a unique e-mail, and only a password hash stored,
 * computed under a {@link PasswordHashingPermits hashing permit}.
 */
@Service
class AccountRegistration {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final RequestValidator validator;

	private final PasswordHashingPermits hashingPermits;

	private final Clock clock;

	AccountRegistration(AccountRepository accounts, PasswordEncoder passwordEncoder, RequestValidator validator,
			PasswordHashingPermits hashingPermits, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.validator = validator;
		this.hashingPermits = hashingPermits;
		this.clock = clock;
	}

	Account register(RegisterAccountCommand command) {
		return register(command, Account.Role.USER);
	}

	Account register(RegisterAccountCommand command, Account.Role role) {
		this.validator.validate(command);
		String passwordHash = this.hashingPermits.hash(() -> this.passwordEncoder.encode(command.password()));
		Account account = new Account(UUID.randomUUID(), command.email().trim(), command.displayName().trim(),
				passwordHash, role, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (!this.accounts.insertIfEmailFree(account)) {
			throw new EmailTakenException();
		}
		return account;
	}

}
