package io.hashop.bench.saga;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places orders at a fixed rate (open loop: a slow answer does not delay the next order)
 * and keeps the ids of those accepted.
 */
final class OrderPacer {

	private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String ordersUrl;

	private final Map<String, String> headers;

	OrderPacer(String apiUrl, Map<String, String> headers) {
		this.ordersUrl = apiUrl + "/api/orders";
		this.headers = headers;
	}

	/**
	 * Places {@code perSecond} orders a second for {@code duration}; the accepted ids.
	 */
	Placed place(int perSecond, Duration duration) throws InterruptedException {
		List<String> ids = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> calls = new ArrayList<>();
		ExecutorService senders = Executors.newFixedThreadPool(16);
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long start = System.nanoTime();
		long count = duration.toSeconds() * perSecond;
		int[] failures = { 0 };
		for (long i = 0; i < count; i++) {
			long due = start + i * intervalNanos;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			calls.add(senders.submit(() -> {
				String id = placeOne();
				if (id != null) {
					ids.add(id);
				}
				else {
					synchronized (failures) {
						failures[0]++;
					}
				}
			}));
		}
		senders.shutdown();
		senders.awaitTermination(30, TimeUnit.SECONDS);
		return new Placed(List.copyOf(ids), failures[0]);
	}

	private String placeOne() {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.ordersUrl))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "bench-saga-" + UUID.randomUUID())
			.POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"productId\":1,\"quantity\":1}]}"));
		this.headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher id = ORDER_ID.matcher(response.body());
			return (response.statusCode() == 201 && id.find()) ? id.group(1) : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** The ids of the accepted orders, and how many were not accepted. */
	record Placed(List<String> ids, int failures) {

	}

}
