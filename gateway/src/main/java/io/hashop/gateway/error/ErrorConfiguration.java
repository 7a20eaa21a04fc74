package io.hashop.gateway.error;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's problem+json error handling. */
@Configuration(proxyBeanMethods = false)
class ErrorConfiguration {

	@Bean
	ProblemJsonExceptionHandler problemJsonExceptionHandler(ProblemProperties properties, JsonMapper json) {
		return new ProblemJsonExceptionHandler(new ProblemClassifier(properties.unavailableRetryAfter()), json);
	}

}
