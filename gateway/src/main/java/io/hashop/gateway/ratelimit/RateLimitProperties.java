package io.hashop.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits on {@code /api/**}, in fixed windows.
 *
 * @param enabled whether requests are rate limited at all
 * @param authPaths the paths whose POSTs are limited per client IP and path (login,
 * register)
 * @param authLimit how many POSTs one client IP may make to each auth path per window
 * @param authWindow the window of the auth limit
 * @param accountPaths the paths whose POSTs are also limited per account: the normalised
 * {@code email} of the JSON body (login)
 * @param accountLimit how many POSTs to each account path one account may receive per
 * window, from whichever addresses
 * @param accountWindow the window of the account limit, and so the longest an attacker
 * can lock an account's owner out
 * @param userLimit how many requests one session (one client IP without a session cookie)
 * may make per window to every other path
 * @param ipLimit how many requests one client IP may make per window to every other path
 * whatever its cookies: the ceiling for a client that invents session cookies
 * @param window the window of the user and IP limits
 * @param redisTimeout how long a Redis count may take before the local count decides
 * @param redisBackoff how long to count locally only, after a Redis error, before trying
 * Redis again
 * @param keyPrefix the prefix of the counters' Redis keys
 * @param localMaxKeys how many counters the local fallback, and the batched counts, keep
 * at most
 * @param settleInterval how often the user and IP quotas counted in memory are added to
 * Redis (and the other instances' counts learnt): with N instances, a client can pass
 * those limits by what it sends to the others in one interval
 */
@Validated
@ConfigurationProperties("hashop.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue( {
		"/api/auth/login", "/api/auth/register" }) @NotEmpty List<String> authPaths,
		@DefaultValue("10") @Positive int authLimit, @DefaultValue("1m") @NotNull Duration authWindow,
		@DefaultValue("/api/auth/login") @NotNull List<String> accountPaths,
		@DefaultValue("10") @Positive int accountLimit, @DefaultValue("5m") @NotNull Duration accountWindow,
		@DefaultValue("300") @Positive int userLimit, @DefaultValue("1200") @Positive int ipLimit,
		@DefaultValue("1m") @NotNull Duration window, @DefaultValue("300ms") @NotNull Duration redisTimeout,
		@DefaultValue("5s") @NotNull Duration redisBackoff,
		@DefaultValue("hashop:gateway:rate-limit") @NotBlank String keyPrefix,
		@DefaultValue("100000") @Positive int localMaxKeys, @DefaultValue("100ms") @NotNull Duration settleInterval){
}
