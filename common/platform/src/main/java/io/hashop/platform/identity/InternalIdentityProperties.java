package io.hashop.platform.identity;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the internal identity token.
 *
 * @param enabled whether this process issues and verifies internal tokens
 * @param secret the shared HMAC-SHA256 key, at least 32 characters (env
 * {@code INTERNAL_TOKEN_SECRET})
 * @param audience the name tokens must be addressed to for this process to accept them
 * @param issuer the issuer written into and required in every token
 * @param ttl how long an issued token stays valid
 * @param clockSkew how much clock difference between processes is tolerated
 * @param requireOnHttp whether the HTTP endpoints of a servlet application require a
 * token
 */
@Validated
@ConfigurationProperties("platform.identity")
public record InternalIdentityProperties(@DefaultValue("true") boolean enabled,
		@NotBlank(message = "platform.identity.secret (env INTERNAL_TOKEN_SECRET) must be set") @Size(min = 32,
				message = "platform.identity.secret must be at least 32 characters") String secret,
		@NotBlank String audience, @DefaultValue("hashop-internal") @NotBlank String issuer,
		@DefaultValue("60s") @NotNull Duration ttl, @DefaultValue("5s") @NotNull Duration clockSkew,
		@DefaultValue("true") boolean requireOnHttp) {

}
