package io.hashop.gateway.client;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway recognises its callers.
 *
 * @param trustedProxies how many proxies in front of the gateway append to
 * {@code X-Forwarded-For}; 0 means the socket peer is the client and every
 * {@code X-Forwarded-*} header a client sends is ignored
 * @param sessionCookie the name of the BFF's session cookie, the key of sticky routing
 * and of per-user rate limits
 */
@Validated
@ConfigurationProperties("hashop.gateway")
public record ClientProperties(@DefaultValue("0") @PositiveOrZero @Max(16) int trustedProxies,
		@DefaultValue("SESSION") @NotBlank String sessionCookie) {
}
