package io.hashop.user.account;

/** Registration with an e-mail address that already has an account. */
class EmailTakenException extends RuntimeException {

	EmailTakenException() {
		super("An account with this e-mail address already exists");
	}

}
