package io.hashop.user.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A stored account. The password hash never leaves this package. */
record Account(UUID id, String email, String displayName, String passwordHash, Role role, Instant createdAt) {

	enum Role {

		USER, ADMIN

	}

	Set<String> roles() {
		return Set.of(this.role.name());
	}

}
