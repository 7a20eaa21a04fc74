package io.hashop.gateway.routing;

import java.time.Duration;

import java.util.List;

import io.hashop.gateway.canary.CanaryProperties;
import io.hashop.gateway.canary.Pool;
import io.hashop.gateway.client.ClientProperties;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.RandomLoadBalancer;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The load balancer of a BFF pool ({@code bff-web}, or the canary's
 * {@code bff-web-canary}), in its own child context (deliberately not a
 * {@code @Configuration}, so component scanning leaves it alone): the configured
 * instances, health-checked, minus the ejected ones, chosen by the configured policy.
 */
class BffLoadBalancerConfiguration {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	ServiceInstanceListSupplier bffInstanceSupplier(ConfigurableApplicationContext context,
			LoadBalancingProperties properties, CanaryProperties canary, InstanceEjections ejections) {
		String pool = pool(context);
		List<String> urls = Pool.CANARY.serviceId().equals(pool) ? canary.instances() : properties.instances();
		ServiceInstance[] instances = BffInstances.from(pool, urls).toArray(new ServiceInstance[0]);
		ServiceInstanceListSupplierBuilder builder = ServiceInstanceListSupplier.builder()
			.withBase(ServiceInstanceListSuppliers.from(pool, instances));
		if (properties.healthCheck()) {
			builder = builder.withHealthChecks(probeClient());
		}
		return builder.with((ctx, delegate) -> new EjectingInstanceListSupplier(delegate, ejections)).build(context);
	}

	@Bean
	ReactorServiceInstanceLoadBalancer bffLoadBalancer(ConfigurableApplicationContext context,
			ObjectProvider<ServiceInstanceListSupplier> suppliers, LoadBalancingProperties properties,
			ClientProperties clients) {
		String pool = pool(context);
		return switch (properties.policy()) {
			case ROUND_ROBIN -> new RoundRobinLoadBalancer(suppliers, pool);
			case RANDOM -> new RandomLoadBalancer(suppliers, pool);
			case SESSION_HASH -> new SessionHashLoadBalancer(suppliers, new RoundRobinLoadBalancer(suppliers, pool),
					clients.sessionCookie());
		};
	}

	@Bean
	ConnectFailureLifecycle connectFailureLifecycle(InstanceEjections ejections) {
		return new ConnectFailureLifecycle(ejections);
	}

	/** The service id of this child context's pool. */
	private static String pool(ConfigurableApplicationContext context) {
		return context.getEnvironment().getProperty(LoadBalancerClientFactory.PROPERTY_NAME, BffInstances.SERVICE_ID);
	}

	/** Readiness probes give up quickly: a hung instance is as good as down. */
	private static WebClient probeClient() {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) PROBE_TIMEOUT.toMillis())
			.responseTimeout(PROBE_TIMEOUT);
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
