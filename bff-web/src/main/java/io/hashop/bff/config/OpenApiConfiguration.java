package io.hashop.bff.config;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.api.AbstractOpenApiResource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

	/**
	 * Where the rendered reference (Swagger UI) is, with
	 * {@code springdoc.swagger-ui.path}.
	 */
	static final String REFERENCE_PATH = "/api/docs";

	private static final String DESCRIPTION = """
			Accounts, catalog, orders and dashboard, served as JSON through the gateway.

			**Sessions.** `POST /api/auth/login` sets an HttpOnly `SESSION` cookie and a readable \
			`XSRF-TOKEN` cookie. Every operation but register, login and the catalog needs the session \
			(else 401); unsafe methods (POST, PUT, PATCH, DELETE) other than register and login must echo \
			the `XSRF-TOKEN` cookie in the `X-XSRF-TOKEN` header (else 403).

			**Errors** are RFC 9457 `application/problem+json` (schema `Problem`), never a stack trace. \
			The gateway answers some itself (400 malformed URI, 413 body over 64 KB, 414, 431, 429 rate \
			limited, 502, 503 no BFF instance, 504), with the same shape plus `requestId`. 429 and 503 \
			carry `Retry-After`; every answer carries `X-Request-Id`.

			**Pagination.** Lists that can grow are pages: pass `limit` (1-100, default 20) and, for the \
			next page, the `cursor` the previous page returned as `nextCursor`; `nextCursor` is null on \
			the last page. Cursors are opaque.

			**Idempotency.** `POST /api/orders` needs an `Idempotency-Key`: the same key with the same \
			body answers the same order again (`Idempotent-Replayed: true`), with another body 422.""";

	@Bean
	OpenAPI hashopOpenApi() {
		return new OpenAPI()
			.info(new Info().title("hashop public API")
				.version("v1")
				.contact(new Contact().name("hashop platform team"))
				.description(DESCRIPTION))
			.servers(List.of(new Server().url("/").description("The gateway that served this document")))
			.tags(List.of(new Tag().name("auth").description("Accounts, sign-in and sign-out."),
					new Tag().name("catalog").description("Products and their prices."),
					new Tag().name("orders").description("The signed-in user's orders."),
					new Tag().name("account").description("The signed-in user's profile and dashboard.")))
			.components(ApiDescription.components());
	}

	@Bean
	ApiResponsesCustomizer apiResponsesCustomizer() {
		return new ApiResponsesCustomizer();
	}

	/** The reference's short address, while it is on ({@code API_DOCS_ENABLED}). */
	@Bean
	@ConditionalOnBooleanProperty(name = "springdoc.swagger-ui.enabled", matchIfMissing = true)
	WebMvcConfigurer apiReferenceEntry() {
		return new WebMvcConfigurer() {

			@Override
			public void addViewControllers(ViewControllerRegistry registry) {
				registry.addRedirectViewController(REFERENCE_PATH, REFERENCE_PATH + "/swagger-ui/index.html");
			}

		};
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
