package io.hashop.bff.payment;

import feign.RequestInterceptor;
import io.hashop.platform.requestid.RequestIds;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Feign client's surroundings: its instances come from
 * {@link PaymentLoadBalancerConfiguration}, and the request id is passed on to
 * payment-service, as the platform does for gRPC calls.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = PaymentServiceProperties.SERVICE_ID, configuration = PaymentLoadBalancerConfiguration.class)
class PaymentClientConfiguration {

	@Bean
	RequestInterceptor requestIdHeader() {
		return (template) -> {
			String requestId = RequestIds.current();
			if (requestId != null) {
				template.header(RequestIds.HEADER, requestId);
			}
		};
	}

}
