package io.hashop.system.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.hashop.launcher.process.ServiceHandle;
import io.hashop.platform.identity.CallerIdentity;

/** Reads a process's counters from its Prometheus endpoint on the management port. */
public final class Metrics {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Metrics() {
	}

	/** The sum of every series of a metric, 0 when it has none yet. */
	public static double sum(SystemUnderTest system, ServiceHandle process, String audience, String metric) {
		return sum(system, process, audience, metric, "");
	}

	/**
	 * The sum of the series of a metric whose labels contain a fragment such as
	 * {@code uri="/api/products"}, 0 when there is none yet.
	 */
	public static double sum(SystemUnderTest system, ServiceHandle process, String audience, String metric,
			String labels) {
		String token = system.tokens().issue(CallerIdentity.anonymous(), audience);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + process.managementPort() + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(process.name() + " /actuator/prometheus: " + response.statusCode());
			}
			return response.body()
				.lines()
				.filter((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
				.filter((line) -> line.contains(labels))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
