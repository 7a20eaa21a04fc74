package io.hashop.user.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user service.
 *
 * @param admin the admin account created at start-up when absent
 * @param notifications the e-mails sent about order outcomes
 * @param passwordHashing the bound on concurrent password hashes
 */
@ConfigurationProperties("hashop.user")
public record UserServiceProperties(@DefaultValue Admin admin, @DefaultValue Notifications notifications,
		@DefaultValue PasswordHashing passwordHashing) {

	/**
	 * How many Argon2id hashes (19 MiB and a core each) may run at once.
	 *
	 * @param permits hashes at once; 0 means two per available processor (env
	 * {@code PASSWORD_HASHING_PERMITS})
	 * @param maxWait how long a login or registration waits for a permit before it is
	 * answered {@code RESOURCE_EXHAUSTED} (env {@code PASSWORD_HASHING_MAX_WAIT})
	 */
	public record PasswordHashing(@DefaultValue("0") int permits, @DefaultValue("500ms") Duration maxWait) {

		/** The number of permits, with 0 resolved to two per available processor. */
		public int effectivePermits() {
			return (this.permits > 0) ? this.permits : 2 * Runtime.getRuntime().availableProcessors();
		}

	}

	/**
	 * The order outcome e-mails.
	 *
	 * @param from the sender address (env {@code MAIL_FROM})
	 */
	public record Notifications(@DefaultValue("hashop <no-reply@hashop.local>") String from) {

	}

	/**
	 * The admin account; nothing is created while the e-mail is empty. At every start-up
	 * its stored password is replaced by this one when they differ.
	 *
	 * @param email its e-mail address (env {@code ADMIN_EMAIL})
	 * @param password its password, 10-128 characters (env {@code ADMIN_PASSWORD})
	 * @param displayName its display name
	 */
	public record Admin(String email, String password, @DefaultValue("Administrator") String displayName) {

	}

}
