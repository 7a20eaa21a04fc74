package io.hashop.platform.error;

import jakarta.validation.Validator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A {@link RequestValidator} for services that validate request records themselves. */
@AutoConfiguration(after = ValidationAutoConfiguration.class)
@ConditionalOnBean(Validator.class)
public class RequestValidationAutoConfiguration {

	@Bean
	RequestValidator requestValidator(Validator validator) {
		return new RequestValidator(validator);
	}

}
