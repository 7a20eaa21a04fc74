package io.hashop.user.account;

/**
 * Login failed; deliberately silent about whether the e-mail or the password was wrong.
 */
class InvalidCredentialsException extends RuntimeException {

	InvalidCredentialsException() {
		super("Invalid e-mail or password");
	}

}
