package io.hashop.platform.requestid;

import io.grpc.ClientInterceptor;
import io.grpc.ServerInterceptor;
import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.server.GlobalServerInterceptor;

/** Request ids on servlet requests and on gRPC calls in and out. */
@AutoConfiguration
public class RequestIdAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(Filter.class)
	static class ServletRequestIds {

		@Bean
		FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
			FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ServerInterceptor.class, GlobalServerInterceptor.class })
	static class GrpcServerRequestIds {

		@Bean
		@GlobalServerInterceptor
		RequestIdServerInterceptor requestIdServerInterceptor() {
			return new RequestIdServerInterceptor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ClientInterceptor.class, GlobalClientInterceptor.class })
	static class GrpcClientRequestIds {

		@Bean
		@GlobalClientInterceptor
		RequestIdClientInterceptor requestIdClientInterceptor() {
			return new RequestIdClientInterceptor();
		}

	}

}
