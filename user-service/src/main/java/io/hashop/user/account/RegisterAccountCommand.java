package io.hashop.user.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request for a new account, validated before anything is stored. */
record RegisterAccountCommand(
		@NotBlank(message = "must not be blank") @Size(max = 254, message = "must be at most 254 characters") @Email(
				regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid e-mail address") String email,
		@NotNull(message = "must not be null") @Size(min = 10, max = 128,
				message = "must be 10 to 128 characters") String password,
		@NotBlank(message = "must not be blank") @Size(max = 64,
				message = "must be at most 64 characters") String displayName) {

}
