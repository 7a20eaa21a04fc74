package io.hashop.launcher.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Waits until processes answer {@code /readyz} with 200, and checks {@code /healthz}.
 */
public final class Readiness {

	public static final int UNREACHABLE = -1;

	private final HttpClient client;

	private final Duration timeout;

	private final Duration interval;

	/**
	 * @param client the HTTP client
	 * @param timeout how long a process may take to become ready, from its start
	 * @param interval the pause between two polls
	 */
	Readiness(HttpClient client, Duration timeout, Duration interval) {
		this.client = client;
		this.timeout = timeout;
		this.interval = interval;
	}

	public static Readiness standard() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		return new Readiness(client, Duration.ofSeconds(240), Duration.ofMillis(500));
	}

	/**
	 * Polls all processes together, so that one failing is noticed at once.
	 * @param processes the processes to wait for
	 * @return the first one that exited or timed out; empty when all are ready
	 * @throws InterruptedException when interrupted
	 */
	public Optional<ServiceProcess> awaitAll(List<ServiceProcess> processes) throws InterruptedException {
		List<ServiceProcess> pending = new ArrayList<>(processes);
		while (true) {
			for (ServiceProcess process : List.copyOf(pending)) {
				// Checked first: an exited process fails even if something else answers
				// on its port.
				if (!process.isAlive()) {
					return Optional.of(process);
				}
				if (isReady(process)) {
					pending.remove(process);
				}
				else if (timedOut(process)) {
					return Optional.of(process);
				}
			}
			if (pending.isEmpty()) {
				return Optional.empty();
			}
			Thread.sleep(this.interval.toMillis());
		}
	}

	private boolean isReady(ServiceProcess process) {
		return status(process.service().serverPort(), "/readyz") == 200;
	}

	private boolean timedOut(ServiceProcess process) {
		return !Instant.now().isBefore(process.startedAt().plus(this.timeout));
	}

	/**
	 * The HTTP status of {@code GET http://localhost:<port><path>}, or
	 * {@link #UNREACHABLE}.
	 */
	public int status(int port, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return UNREACHABLE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return UNREACHABLE;
		}
	}

}
