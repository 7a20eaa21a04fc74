package io.hashop.bff.user;

import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.security.SignedInUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: the signed-in user's profile. */
@RestController
class MeController {

	private final UserClient users;

	private final DownstreamGuards guards;

	MeController(UserClient users, DownstreamGuards guards) {
		this.users = users;
		this.guards = guards;
	}

	@GetMapping("/api/me")
	ProfileResponse me(@AuthenticationPrincipal SignedInUser user) {
		return ProfileResponse.of(this.users.getUser(user.identity(), user.id(), this.guards.newRequestDeadline()));
	}

}
