package io.hashop.platform.grpc;

import io.hashop.platform.identity.InternalIdentityAutoConfiguration;
import io.hashop.platform.identity.InternalTokenVerifier;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/** Identity verification and error mapping for every gRPC service of a process. */
@AutoConfiguration(after = InternalIdentityAutoConfiguration.class)
@ConditionalOnClass(GrpcExceptionHandler.class)
public class GrpcPlatformAutoConfiguration {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	GrpcExceptionHandler platformGrpcExceptionHandler() {
		return new PlatformGrpcExceptionHandler();
	}

	/**
	 * Only where there is a database: its unavailability is the caller's 503, not a bug.
	 */
	@Bean
	@Order(0)
	@ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
	GrpcExceptionHandler databaseUnavailableGrpcExceptionHandler() {
		return new DatabaseUnavailableGrpcExceptionHandler();
	}

	@Bean
	@GlobalServerInterceptor
	@ConditionalOnBean(InternalTokenVerifier.class)
	InternalIdentityServerInterceptor internalIdentityServerInterceptor(InternalTokenVerifier verifier) {
		return new InternalIdentityServerInterceptor(verifier);
	}

}
