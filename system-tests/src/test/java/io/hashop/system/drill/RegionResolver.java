package io.hashop.system.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Client-side failover between regions, as a health-checked DNS record does it for
 * browsers: every {@link #INTERVAL} it asks each region's gateway for {@code /readyz}, in
 * order of preference, and the first that answers 200 within {@link #TIMEOUT} is the
 * current region. One failed probe moves on (a DNS health check waits for three; the
 * drill measures the rest of the failover).
 */
final class RegionResolver implements AutoCloseable {

	static final Duration INTERVAL = Duration.ofMillis(250);

	static final Duration TIMEOUT = Duration.ofMillis(500);

	private final List<String> regions;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final AtomicReference<String> current = new AtomicReference<>();

	private final Thread prober;

	private volatile boolean running = true;

	RegionResolver(List<String> regions) {
		this.regions = List.copyOf(regions);
		probe();
		this.prober = Thread.ofPlatform().name("region-resolver").daemon().start(this::loop);
	}

	/** The gateway URL of the preferred region that is ready, if any. */
	Optional<String> current() {
		return Optional.ofNullable(this.current.get());
	}

	private void loop() {
		while (this.running) {
			try {
				Thread.sleep(INTERVAL);
			}
			catch (InterruptedException ex) {
				return;
			}
			probe();
		}
	}

	private void probe() {
		this.current.set(this.regions.stream().filter(this::ready).findFirst().orElse(null));
	}

	private boolean ready(String gateway) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/readyz")).timeout(TIMEOUT).build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.prober.interrupt();
		this.prober.join(2000);
	}

}
