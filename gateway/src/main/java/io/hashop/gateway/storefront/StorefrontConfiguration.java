package io.hashop.gateway.storefront;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the storefront from the classpath ({@code storefront/}): its page at {@code /}
 * and its scripts and styles under {@code /app/**}. Nothing else becomes a static path:
 * {@code spring.web.resources.add-mappings} stays off, and every other path outside the
 * API is still a 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "hashop.gateway.storefront.enabled", matchIfMissing = true)
class StorefrontConfiguration {

	static final String PAGE = "storefront/index.html";

	static final String FILES = "storefront/app/";

	@Bean
	RouterFunction<ServerResponse> storefront() {
		Resource page = new ClassPathResource(PAGE);
		return RouterFunctions
			.route(RequestPredicates.GET("/").or(RequestPredicates.HEAD("/")),
					(request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
			.and(RouterFunctions.resources("/app/**", new ClassPathResource(FILES)));
	}

	@Bean
	StorefrontHeadersFilter storefrontHeadersFilter(StorefrontProperties properties) {
		return new StorefrontHeadersFilter(properties);
	}

}
