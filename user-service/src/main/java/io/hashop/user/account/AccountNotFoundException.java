package io.hashop.user.account;

/** No account the caller may see has this id. */
class AccountNotFoundException extends RuntimeException {

	AccountNotFoundException() {
		super("Account not found");
	}

}
