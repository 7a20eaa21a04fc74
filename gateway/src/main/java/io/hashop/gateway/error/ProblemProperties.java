package io.hashop.gateway.error;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway's own errors are answered.
 *
 * @param unavailableRetryAfter the {@code Retry-After} of a 503 when no BFF instance
 * answers
 */
@Validated
@ConfigurationProperties("hashop.gateway.errors")
record ProblemProperties(@DefaultValue("5s") @NotNull Duration unavailableRetryAfter) {
}
