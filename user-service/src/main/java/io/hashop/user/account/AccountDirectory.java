package io.hashop.user.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** Where other capabilities of this service find a user's contact details. */
@Service
public class AccountDirectory {

	private final AccountRepository accounts;

	AccountDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/** The e-mail address of the user, if the user has an account. */
	public Optional<String> emailOf(UUID userId) {
		return this.accounts.findById(userId).map(Account::email);
	}

}
