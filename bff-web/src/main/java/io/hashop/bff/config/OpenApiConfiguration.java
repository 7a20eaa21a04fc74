package io.hashop.bff.config;

import java.lang.reflect.Method;
import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.api.AbstractOpenApiResource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * The API description served at {@code /api/openapi}, also through the gateway.
 * <p>
 * It is built once, on the main thread before the BFF reports ready, and in one locale
 * only ({@code springdoc.allowed-locales}), so that no request ever builds it. Building
 * it scans the application's classes out of the executable jar while holding the lock of
 * Spring Boot's nested jar. On a request's virtual thread that is a hang waiting to
 * happen on JDK 24+: the scanning thread unmounts while it waits for the jar's file lock,
 * still holding the nested jar's lock, and the requests that load a class meanwhile wait
 * for that lock pinned to their carriers (class loading pins). With two carriers, two
 * such requests leave the scanning thread no carrier to finish on, and the BFF stops
 * answering for good (spring-projects/spring-boot#51463). A platform thread needs no
 * carrier, so it always finishes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** The locale the description is built in: {@code springdoc.allowed-locales}. */
	static final Locale DESCRIPTION_LOCALE = Locale.ENGLISH;

	@Bean
	OpenAPI hashopOpenApi() {
		return new OpenAPI().info(new Info().title("hashop public API")
			.version("v1")
			.description("Accounts, catalog, orders and dashboard. Errors are RFC 9457 problem+json. "
					+ "Unsafe methods other than register and login need the X-XSRF-TOKEN header to echo "
					+ "the XSRF-TOKEN cookie."));
	}

	/**
	 * Ready events are handled before readiness turns to accepting traffic, on the main
	 * thread.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> openApiPrebuild(ObjectProvider<AbstractOpenApiResource> resources) {
		return (event) -> resources.orderedStream().forEach(OpenApiConfiguration::build);
	}

	/**
	 * springdoc's own pre-loading entry point (protected). Its
	 * {@code pre-loading-enabled} calls it from the resource's constructor, on a thread
	 * of its own while the context is still being refreshed.
	 */
	static void build(AbstractOpenApiResource resource) {
		Method build = ReflectionUtils.findMethod(AbstractOpenApiResource.class, "getOpenApi", Locale.class);
		Assert.state(build != null,
				"springdoc changed: no AbstractOpenApiResource.getOpenApi(Locale) to pre-build with");
		ReflectionUtils.makeAccessible(build);
		ReflectionUtils.invokeMethod(build, resource, DESCRIPTION_LOCALE);
	}

}
