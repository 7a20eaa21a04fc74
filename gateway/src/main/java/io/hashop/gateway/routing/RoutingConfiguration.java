package io.hashop.gateway.routing;

import java.net.ConnectException;
import java.time.Clock;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The one route: {@code /api/**} to {@code lb://bff-web} (or the canary pool
 * {@code lb://bff-web-canary}, see {@code io.hashop.gateway.canary}). A GET or HEAD whose
 * connection to an instance failed is retried once, on another instance (the failed one
 * is ejected first); nothing else is retried: not another method, not a timeout, not a
 * 5xx, and not by Reactor Netty's own transport retry either.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients({
		@LoadBalancerClient(name = BffInstances.SERVICE_ID, configuration = BffLoadBalancerConfiguration.class),
		@LoadBalancerClient(name = BffInstances.CANARY_SERVICE_ID,
				configuration = BffLoadBalancerConfiguration.class) })
class RoutingConfiguration {

	@Bean
	RouteLocator apiRoute(RouteLocatorBuilder routes) {
		return routes.routes()
			.route("api",
					(route) -> route.path("/api/**")
						.filters((filters) -> filters.retry((retry) -> retry.setRetries(1)
							.setMethods(HttpMethod.GET, HttpMethod.HEAD)
							.setSeries()
							.setStatuses()
							.setExceptions(ConnectException.class)))
						.uri("lb://" + BffInstances.SERVICE_ID))
			.build();
	}

	@Bean
	InstanceEjections instanceEjections(LoadBalancingProperties properties) {
		return new InstanceEjections(properties.ejectionPeriod(), Clock.systemUTC());
	}

	@Bean
	HttpClientCustomizer noTransportRetries() {
		return (client) -> client.disableRetry(true);
	}

	@Bean
	MethodFilter methodFilter() {
		return new MethodFilter();
	}

	@Bean
	CanonicalPathFilter canonicalPathFilter() {
		return new CanonicalPathFilter();
	}

}
