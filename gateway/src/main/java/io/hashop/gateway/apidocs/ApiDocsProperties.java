package io.hashop.gateway.apidocs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rendered API reference the BFF serves (off in production, where it answers 404 and
 * the strict policy stays).
 *
 * @param path where the BFF serves it: the path itself and everything below it
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of its files: Swagger
 * UI's own scripts and styles, its inline SVG icons ({@code data:}) and the description
 * it fetches, nothing inline, never framed
 */
@Validated
@ConfigurationProperties("hashop.gateway.api-docs")
record ApiDocsProperties(@DefaultValue("/api/docs") @NotBlank @Pattern(regexp = "/api/[a-z-]+") String path,
		@DefaultValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'") @NotBlank String contentSecurityPolicy) {
}
