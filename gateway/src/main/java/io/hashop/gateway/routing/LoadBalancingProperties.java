package io.hashop.gateway.routing;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code /api/**} is spread over the BFF instances.
 *
 * @param instances the BFF base URLs ({@code BFF_URLS}, comma-separated); in Kubernetes a
 * single service DNS name such as {@code http://bff-web:8081}
 * @param policy {@code round-robin}, {@code random}, or {@code session-hash}: sticky by a
 * hash of the session cookie, round-robin for requests without one
 * @param healthCheck whether instances are probed on
 * {@code spring.cloud.loadbalancer.health-check.path} and skipped while not ready
 * @param ejectionPeriod how long an instance that refused a connection is skipped; zero
 * disables this passive ejection
 */
@Validated
@ConfigurationProperties("hashop.gateway.load-balancer")
record LoadBalancingProperties(@NotEmpty List<String> instances, @DefaultValue("round-robin") @NotNull Policy policy,
		@DefaultValue("true") boolean healthCheck, @DefaultValue("10s") @NotNull Duration ejectionPeriod) {

	LoadBalancingProperties {
		if (instances != null) {
			// Fail at start-up, naming the bad URL, rather than at the first request.
			BffInstances.from(instances);
		}
	}

	/** How an instance is chosen. */
	enum Policy {

		ROUND_ROBIN, RANDOM, SESSION_HASH

	}

}
