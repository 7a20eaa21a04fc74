package io.hashop.bff.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/register}. */
record RegisterRequest(
		@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "must be a valid e-mail address") @Schema(example = "ada@example.com") String email,
		@NotNull @Size(min = 10, max = 128) @Schema(example = "correct-horse-1") String password,
		@NotBlank @Size(max = 64) @Schema(example = "Ada Lovelace") String displayName) {

}
