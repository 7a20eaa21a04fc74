package io.hashop.bff.payment;

import java.time.Duration;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The load balancer of payment-service, in its own child context (deliberately not a
 * {@code @Configuration}, so component scanning leaves it alone): the configured
 * instances, probed for readiness and skipped while not ready, chosen round-robin (Spring
 * Cloud LoadBalancer's default). Public because Spring's AOT processing generates the
 * child context's bean definitions in Spring Cloud's package.
 */
public class PaymentLoadBalancerConfiguration {

	/** A hung instance is as good as down: readiness probes give up quickly. */
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

	@Bean
	ServiceInstanceListSupplier paymentServiceInstances(ConfigurableApplicationContext context,
			PaymentServiceProperties properties) {
		ServiceInstance[] instances = properties.serviceInstances().toArray(new ServiceInstance[0]);
		ServiceInstanceListSupplierBuilder builder = ServiceInstanceListSupplier.builder()
			.withBase(ServiceInstanceListSuppliers.from(PaymentServiceProperties.SERVICE_ID, instances));
		if (properties.healthCheck()) {
			builder = builder.withBlockingHealthChecks(probeClient());
		}
		return builder.build(context);
	}

	private static RestClient probeClient() {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(PROBE_TIMEOUT);
		requests.setReadTimeout(PROBE_TIMEOUT);
		return RestClient.builder().requestFactory(requests).build();
	}

}
