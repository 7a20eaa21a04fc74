package io.hashop.bff.user;

import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.security.SignedInUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: the signed-in user's profile. */
@RestController
@Tag(name = "account")
class MeController {

	private final UserClient users;

	private final DownstreamGuards guards;

	MeController(UserClient users, DownstreamGuards guards) {
		this.users = users;
		this.guards = guards;
	}

	@GetMapping("/api/me")
	@Operation(operationId = "getProfile", summary = "Get your profile",
			description = "The signed-in user's profile and roles.")
	@ApiResponse(responseCode = "200", description = "The profile.")
	ProfileResponse me(@AuthenticationPrincipal SignedInUser user) {
		return ProfileResponse.of(this.users.getUser(user.identity(), user.id(), this.guards.newRequestDeadline()));
	}

}
