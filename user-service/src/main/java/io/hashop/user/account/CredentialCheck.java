package io.hashop.user.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Verifies login credentials. An unknown e-mail costs one hash comparison just like a
 * wrong password, so neither the answer nor its timing tells which part was wrong. The
 * comparison runs under a {@link PasswordHashingPermits hashing permit}.
 */
@Service
class CredentialCheck {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordHashingPermits hashingPermits;

	private final String unknownAccountHash;

	CredentialCheck(AccountRepository accounts, PasswordEncoder passwordEncoder,
			PasswordHashingPermits hashingPermits) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.hashingPermits = hashingPermits;
		this.unknownAccountHash = passwordEncoder.encode(UUID.randomUUID().toString());
	}

	Account verify(String email, String password) {
		String presented = (password != null) ? password : "";
		Optional<Account> account = (email != null) ? this.accounts.findByEmail(email.trim()) : Optional.empty();
		String hash = account.map(Account::passwordHash).orElse(this.unknownAccountHash);
		boolean matches = this.hashingPermits.hash(() -> this.passwordEncoder.matches(presented, hash));
		return account.filter((found) -> matches).orElseThrow(InvalidCredentialsException::new);
	}

}
