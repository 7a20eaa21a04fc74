package io.hashop.bff.payment;

import feign.RequestInterceptor;
import io.hashop.platform.requestid.RequestIds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Passes the request id on to payment-service, as the platform does for gRPC calls. */
@Configuration(proxyBeanMethods = false)
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
