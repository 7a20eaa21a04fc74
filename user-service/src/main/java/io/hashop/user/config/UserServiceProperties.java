package io.hashop.user.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user service.
 *
 * @param admin the admin account created at start-up when absent
 * @param notifications the e-mails sent about order outcomes
 */
@ConfigurationProperties("hashop.user")
public record UserServiceProperties(@DefaultValue Admin admin, @DefaultValue Notifications notifications) {

	/**
	 * The order outcome e-mails.
	 *
	 * @param from the sender address (env {@code MAIL_FROM})
	 */
	public record Notifications(@DefaultValue("hashop <no-reply@hashop.local>") String from) {

	}

	/**
	 * The admin account; nothing is created while the e-mail is empty.
	 *
	 * @param email its e-mail address (env {@code ADMIN_EMAIL})
	 * @param password its password, 10-128 characters (env {@code ADMIN_PASSWORD})
	 * @param displayName its display name
	 */
	public record Admin(String email, String password, @DefaultValue("Administrator") String displayName) {

	}

}
