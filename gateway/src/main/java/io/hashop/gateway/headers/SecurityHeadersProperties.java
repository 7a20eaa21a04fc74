package io.hashop.gateway.headers;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The security headers of every response.
 *
 * @param contentSecurityPolicy the {@code Content-Security-Policy}: nothing may load or
 * frame a JSON API
 * @param strictTransportSecurity the {@code Strict-Transport-Security} sent when the
 * client used TLS (to the gateway or to a trusted proxy)
 * @param cacheControl the {@code Cache-Control} of any response that does not set its own
 */
@Validated
@ConfigurationProperties("hashop.gateway.security-headers")
record SecurityHeadersProperties(
		@DefaultValue("default-src 'none'; frame-ancestors 'none'") @NotBlank String contentSecurityPolicy,
		@DefaultValue("max-age=31536000; includeSubDomains") @NotBlank String strictTransportSecurity,
		@DefaultValue("no-store") @NotBlank String cacheControl) {
}
