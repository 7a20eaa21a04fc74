package io.hashop.bff.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/login}. */
record LoginRequest(@NotBlank @Size(max = 254) @Schema(example = "ada@example.com") String email,
		@NotBlank @Size(max = 128) @Schema(example = "correct-horse-1") String password) {

}
