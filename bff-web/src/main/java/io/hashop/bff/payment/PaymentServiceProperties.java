package io.hashop.bff.payment;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.validation.annotation.Validated;

/**
 * Where payment-service runs: the BFF spreads its calls over these instances (Spring
 * Cloud LoadBalancer, round-robin).
 *
 * @param instances the base URLs of payment-service's instances
 * ({@code PAYMENT_SERVICE_URLS}, comma-separated, e.g.
 * {@code http://localhost:8084,http://localhost:8184}; the older single
 * {@code PAYMENT_SERVICE_URL} when that is unset); in Kubernetes the Service's URL
 * @param healthCheck whether instances are probed on
 * {@code spring.cloud.loadbalancer.health-check.path} and skipped while not ready
 */
@Validated
@ConfigurationProperties("hashop.bff.payment-service")
record PaymentServiceProperties(@NotEmpty List<String> instances, @DefaultValue("true") boolean healthCheck) {

	static final String SERVICE_ID = "payment-service";

	PaymentServiceProperties {
		if (instances != null) {
			// Fail at start-up, naming the bad URL, rather than at the first call.
			serviceInstances(instances);
		}
	}

	/**
	 * The instances, each identified by its host and port.
	 */
	List<ServiceInstance> serviceInstances() {
		return serviceInstances(this.instances);
	}

	private static List<ServiceInstance> serviceInstances(List<String> urls) {
		return urls.stream()
			.map(String::trim)
			.filter((url) -> !url.isEmpty())
			.map(PaymentServiceProperties::instance)
			.toList();
	}

	private static ServiceInstance instance(String url) {
		URI uri = URI.create(url);
		String scheme = uri.getScheme();
		if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))
				|| !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))) {
			throw new IllegalArgumentException(
					"A payment-service instance must be an http(s) base URL with a host and no path: " + url);
		}
		boolean secure = "https".equals(scheme);
		int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(uri.getHost() + ":" + port, SERVICE_ID, uri.getHost(), port, secure);
	}

}
