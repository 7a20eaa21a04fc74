package io.hashop.bench.transport;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import feign.Request;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.openfeign.FeignClientBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The Feign arm. The server is a real Spring Boot application on embedded Tomcat with
 * Spring MVC and Boot's Jackson, auto-configured like payment-service (its filters,
 * message converters and Tomcat defaults) but without its security, metrics and database:
 * a hand-built Tomcat or a lighter HTTP server would measure something payment-service
 * does not run, and starting Boot costs a few seconds once, on the first run only. The
 * client is built by Spring Cloud OpenFeign's own {@link FeignClientBuilder} in the same
 * context, so it gets what the BFF's gets: SpringMvcContract, the Spring encoder and
 * decoder over Boot's Jackson converters, and the pooled Apache HttpClient 5 with the
 * BFF's pool sizes. It has a fixed URL, so no Spring Cloud LoadBalancer (the BFF has
 * one), as the gRPC arm has no round_robin policy.
 */
final class HttpTransport implements Transport {

	/**
	 * Tomcat logs through java.util.logging: warnings only (held, or the level is lost).
	 */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache"));

	private static final Request.Options OPTIONS = new Request.Options(300, TimeUnit.MILLISECONDS, 2000,
			TimeUnit.MILLISECONDS, false);

	private final ConfigurableApplicationContext context;

	private final OrdersHttpClient client;

	private HttpTransport(ConfigurableApplicationContext context, OrdersHttpClient client) {
		this.context = context;
		this.client = client;
	}

	static HttpTransport start() {
		QUIET.forEach((logger) -> logger.setLevel(Level.WARNING));
		// slf4j-simple stays the only logging backend: Boot must not configure another.
		if (System.getProperty("org.springframework.boot.logging.LoggingSystem") == null) {
			System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.SERVLET)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.properties("spring.config.name=s4-transport", "server.address=127.0.0.1", "server.port=0",
					"spring.jmx.enabled=false", "spring.cloud.openfeign.httpclient.hc5.enabled=true",
					"spring.cloud.openfeign.httpclient.max-connections=200",
					"spring.cloud.openfeign.httpclient.max-connections-per-route=100")
			.run();
		try {
			String port = context.getEnvironment().getRequiredProperty("local.server.port");
			OrdersHttpClient client = new FeignClientBuilder(context).forType(OrdersHttpClient.class, "orders")
				.url("http://127.0.0.1:" + port)
				.build();
			return new HttpTransport(context, client);
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
	}

	@Override
	public void call() {
		OrderPage page = this.client.listOrders(SampleOrders.authorization(), SampleOrders.PAGE_SIZE, OPTIONS);
		if (page.orders().size() != SampleOrders.PAGE_SIZE) {
			throw new IllegalStateException("Expected " + SampleOrders.PAGE_SIZE + " orders, got " + page);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * The server and the client's context: Boot's auto-configuration and one controller.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(OrdersController.class)
	static class Application {

	}

}
