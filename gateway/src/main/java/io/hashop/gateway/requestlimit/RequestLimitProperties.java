package io.hashop.gateway.requestlimit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a client may send.
 *
 * @param maxBodySize the largest request body passed to the BFF (413 above it)
 * @param maxHeaderSize the largest total of request header names and values (431 above
 * it, as problem+json); {@code server.max-http-request-header-size} is Netty's harder
 * limit behind it, answered 431 as well
 * @param maxHeaderCount the most request header lines, {@code X-Request-Id} included (431
 * above it, as problem+json); below the 100 the BFF's server accepts, with room for the
 * {@code X-Forwarded-*} headers the gateway adds
 */
@Validated
@ConfigurationProperties("hashop.gateway.request-limits")
public record RequestLimitProperties(@DefaultValue("64KB") @NotNull DataSize maxBodySize,
		@DefaultValue("16KB") @NotNull DataSize maxHeaderSize, @DefaultValue("90") @Positive int maxHeaderCount) {
}
