package io.hashop.bff.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at {@code /api/openapi}, also through the gateway. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI hashopOpenApi() {
		return new OpenAPI().info(new Info().title("hashop public API")
			.version("v1")
			.description("Accounts, catalog, orders and dashboard. Errors are RFC 9457 problem+json. "
					+ "Unsafe methods other than register and login need the X-XSRF-TOKEN header to echo "
					+ "the XSRF-TOKEN cookie."));
	}

}
