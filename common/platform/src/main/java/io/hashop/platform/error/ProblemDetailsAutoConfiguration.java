package io.hashop.platform.error;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * problem+json for every error of a servlet application, in place of Boot's default
 * handler, down to the errors Tomcat answers before the application sees the request.
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

	/**
	 * Errors Tomcat answers itself (an encoded NUL in the path, headers over the limit, a
	 * malformed request line) are problem+json too: {@link ProblemErrorReportValve}
	 * replaces the HTML {@link ErrorReportValve} Boot puts on the host.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ErrorReportValve.class, ConfigurableTomcatWebServerFactory.class })
	static class TomcatErrors {

		/** After Boot's own customizer, whose context customizer adds the HTML valve. */
		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				Container host = context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ProblemErrorReportValve());
				if (host instanceof StandardHost standardHost) {
					// Else the host adds Tomcat's HTML valve when it starts.
					standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

	}

}
