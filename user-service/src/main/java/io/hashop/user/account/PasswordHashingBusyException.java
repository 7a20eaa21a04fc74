package io.hashop.user.account;

/**
 * No password-hashing permit became free in time: the service is saturated with hashes
 * and the caller should come back shortly.
 */
class PasswordHashingBusyException extends RuntimeException {

	PasswordHashingBusyException() {
		super("Too many password checks at once; try again shortly");
	}

}
