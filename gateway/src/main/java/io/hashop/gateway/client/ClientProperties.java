package io.hashop.gateway.client;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway recognises its callers.
 *
 * @param trustedProxies the CIDRs (or single addresses) of the proxies in front of the
 * gateway whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed; empty
 * (the default) means the socket peer is the client and every {@code X-Forwarded-*}
 * header a client sends is ignored. A count of proxies (the old meaning) is refused at
 * start-up, except {@code 0}, which still means none
 * @param sessionCookie the name of the BFF's session cookie, the key of sticky routing
 * and of per-user rate limits
 */
@Validated
@ConfigurationProperties("hashop.gateway")
public record ClientProperties(@DefaultValue( {
	}) @NotNull List<String> trustedProxies, @DefaultValue("SESSION") @NotBlank String sessionCookie){

	public ClientProperties {
		trustedProxies = List.copyOf(trustedProxies);
		// Fails binding, and so the start, with a sentence naming the wrong entry.
		TrustedProxies.parse(trustedProxies);
	}

}
