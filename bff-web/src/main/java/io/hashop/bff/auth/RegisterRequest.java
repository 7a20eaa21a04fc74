package io.hashop.bff.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/register}. */
record RegisterRequest(
		@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "must be a valid e-mail address") String email,
		@NotNull @Size(min = 10, max = 128) String password, @NotBlank @Size(max = 64) String displayName) {

}
