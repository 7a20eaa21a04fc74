package io.hashop.bff.security;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Errors Tomcat answers itself, before the application sees the request, are problem+json
 * too: {@link ProblemErrorReportValve} replaces the HTML {@link ErrorReportValve} Boot
 * puts on the host. Errors that do reach the application are answered by
 * {@link ProblemErrorController}.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

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
