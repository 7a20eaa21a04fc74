package io.hashop.platform.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who a call is made for, as vouched for by a verified internal token.
 *
 * @param userId the signed-in user's id, or {@code null} for a call on behalf of nobody
 * (such as registration or login)
 * @param roles the user's roles, for example {@code ADMIN}
 */
public record CallerIdentity(String userId, Set<String> roles) {

	public static final String ADMIN = "ADMIN";

	public CallerIdentity {
		roles = Set.copyOf(roles);
	}

	/** A call made on behalf of no signed-in user. */
	public static CallerIdentity anonymous() {
		return new CallerIdentity(null, Set.of());
	}

	public static CallerIdentity user(String userId, Set<String> roles) {
		return new CallerIdentity(userId, roles);
	}

	public Optional<String> user() {
		return Optional.ofNullable(this.userId);
	}

	public boolean isAdmin() {
		return this.userId != null && this.roles.contains(ADMIN);
	}

}
