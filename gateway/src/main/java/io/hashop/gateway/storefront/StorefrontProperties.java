package io.hashop.gateway.storefront;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The storefront's static files and the headers they are served with.
 *
 * @param enabled whether the gateway serves the storefront at {@code /} and
 * {@code /app/**} (when off, both are 404s like any other path outside the API)
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of the app's files:
 * its own scripts, styles and API calls only, no inline code, never framed
 * @param cacheControl the {@code Cache-Control} of the app's files: revalidated on every
 * load, so a new release is seen at once
 */
@Validated
@ConfigurationProperties("hashop.gateway.storefront")
record StorefrontProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
				+ "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'") @NotBlank String contentSecurityPolicy,
		@DefaultValue("no-cache") @NotBlank String cacheControl) {
}
