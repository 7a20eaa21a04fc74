package io.hashop.user.account;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts.
 *
 * @param admin the admin account created at start-up when absent
 * @param passwordHashing the bound on concurrent password hashes
 */
@Validated
@ConfigurationProperties("hashop.user")
record AccountProperties(@DefaultValue @Valid Admin admin, @DefaultValue @Valid PasswordHashing passwordHashing) {

	/**
	 * How many Argon2id hashes (19 MiB and a core each) may run at once.
	 *
	 * @param permits hashes at once; 0 means two per available processor (env
	 * {@code PASSWORD_HASHING_PERMITS})
	 * @param maxWait how long a login or registration waits for a permit before it is
	 * answered {@code RESOURCE_EXHAUSTED} (env {@code PASSWORD_HASHING_MAX_WAIT})
	 */
	record PasswordHashing(@DefaultValue("0") @Min(0) int permits, @DefaultValue("500ms") @NotNull Duration maxWait) {

		/** The number of permits, with 0 resolved to two per available processor. */
		int effectivePermits() {
			return (this.permits > 0) ? this.permits : 2 * Runtime.getRuntime().availableProcessors();
		}

	}

	/**
	 * The admin account; nothing is created while the e-mail is empty. At every start-up
	 * its stored password is replaced by this one when they differ.
	 *
	 * @param email its e-mail address (env {@code ADMIN_EMAIL})
	 * @param password its password, 10-128 characters, checked when the account is
	 * created or its password changed (env {@code ADMIN_PASSWORD})
	 * @param displayName its display name (env {@code ADMIN_DISPLAY_NAME})
	 */
	record Admin(String email, String password, @DefaultValue("Administrator") String displayName) {

	}

}
