package io.hashop.platform.error;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * problem+json for every error of a servlet application, in place of Boot's default
 * handler.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
public class ProblemDetailsAutoConfiguration {

	@Bean
	ProblemDetailsExceptionHandler problemDetailsExceptionHandler() {
		return new ProblemDetailsExceptionHandler();
	}

	/**
	 * Only where there is a JDBC database (not in the BFF, whose data access failures are
	 * Redis, answered by its own handler).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.jdbc.core.JdbcTemplate",
			"org.springframework.transaction.CannotCreateTransactionException" })
	static class DatabaseErrors {

		@Bean
		DatabaseUnavailableProblemHandler databaseUnavailableProblemHandler() {
			return new DatabaseUnavailableProblemHandler();
		}

	}

}
