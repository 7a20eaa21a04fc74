package io.hashop.gateway.routing;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

/**
 * The BFF instances named by configuration. An instance's id is its host and port, the
 * same on every gateway instance, so session-hash routing agrees across gateways.
 */
final class BffInstances {

	static final String SERVICE_ID = "bff-web";

	static final String CANARY_SERVICE_ID = "bff-web-canary";

	private BffInstances() {
	}

	static List<ServiceInstance> from(List<String> urls) {
		return from(SERVICE_ID, urls);
	}

	/** The instances of one pool ({@code bff-web} or {@code bff-web-canary}). */
	static List<ServiceInstance> from(String serviceId, List<String> urls) {
		return urls.stream()
			.map(String::trim)
			.filter((url) -> !url.isEmpty())
			.map((url) -> instance(serviceId, url))
			.toList();
	}

	private static ServiceInstance instance(String serviceId, String url) {
		URI uri = URI.create(url);
		String scheme = uri.getScheme();
		if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
			throw new IllegalArgumentException("A BFF instance must be an http(s) URL with a host: " + url);
		}
		boolean secure = "https".equals(scheme);
		int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(uri.getHost() + ":" + port, serviceId, uri.getHost(), port, secure);
	}

}
