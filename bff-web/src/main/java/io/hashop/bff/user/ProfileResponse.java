package io.hashop.bff.user;

import java.time.Instant;
import java.util.List;

import io.hashop.contracts.user.v1.User;

/** The signed-in user's profile. */
public record ProfileResponse(String id, String email, String displayName, List<String> roles, Instant createdAt) {

	public static ProfileResponse of(User user) {
		return new ProfileResponse(user.getId(), user.getEmail(), user.getDisplayName(),
				user.getRolesList().stream().sorted().toList(),
				Instant.ofEpochSecond(user.getCreatedAt().getSeconds(), user.getCreatedAt().getNanos()));
	}

}
