package io.hashop.bff.security;

import java.io.Serializable;
import java.util.Set;

import io.hashop.platform.identity.CallerIdentity;

/**
 * The user of a session, as stored in Redis.
 *
 * @param id the user's id
 * @param email the user's e-mail address
 * @param displayName the user's display name
 * @param roles the user's roles, such as {@code USER} or {@code ADMIN}
 */
public record SignedInUser(String id, String email, String displayName, Set<String> roles) implements Serializable {

	public SignedInUser {
		roles = Set.copyOf(roles);
	}

	/** The identity to vouch for in internal tokens on this user's behalf. */
	public CallerIdentity identity() {
		return CallerIdentity.user(this.id, this.roles);
	}

}
