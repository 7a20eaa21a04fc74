package io.hashop.system.chaos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hashop.system.chaos.Exchange.Failure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One shopper's browser: one {@link CookieJar} for both gateways, the XSRF header echoed
 * on unsafe requests, requests alternated between the gateways and sent to the other one
 * when a gateway refuses the connection. Every request and its outcome goes into the
 * history.
 */
final class ShopperClient implements AutoCloseable {

	/** Bounded so that a hung process shows up as a timeout, not as a stuck shopper. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	/** How long a gateway that refused a connection is tried last. */
	static final Duration EJECTION = Duration.ofSeconds(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String user;

	private final List<String> gateways;

	private final History history;

	private final RunClock clock;

	private final CookieJar cookies = new CookieJar();

	// HTTP/1.1: Java's client would otherwise try an h2c upgrade on every new connection.
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(CONNECT_TIMEOUT)
		.build();

	private int turn;

	private final Map<String, Long> ejectedUntil = new HashMap<>();

	ShopperClient(String user, List<String> gateways, History history, RunClock clock) {
		this.user = user;
		this.gateways = List.copyOf(gateways);
		this.history = history;
		this.clock = clock;
	}

	/**
	 * Sends through the next gateway; a refused connection never reached a server, so the
	 * same request goes to the other gateway at once, and the refusing one is skipped for
	 * a while (passive ejection, as the gateway does with the BFFs) unless every gateway
	 * refuses.
	 */
	Answer send(Operation operation, String method, String path, String json, String idempotencyKey)
			throws InterruptedException {
		int first = this.turn++;
		List<String> order = new ArrayList<>();
		List<String> ejected = new ArrayList<>();
		long now = this.clock.nanos();
		for (int i = 0; i < this.gateways.size(); i++) {
			String gateway = this.gateways.get(Math.floorMod(first + i, this.gateways.size()));
			(this.ejectedUntil.getOrDefault(gateway, Long.MIN_VALUE) > now ? ejected : order).add(gateway);
		}
		order.addAll(ejected);
		Answer answer = null;
		for (String gateway : order) {
			answer = exchange(operation, gateway, method, path, json, idempotencyKey);
			if (!answer.notConnected()) {
				return answer;
			}
			this.ejectedUntil.put(gateway, this.clock.nanos() + EJECTION.toNanos());
		}
		return answer;
	}

	private Answer exchange(Operation operation, String gateway, String method, String path, String json,
			String idempotencyKey) throws InterruptedException {
		HttpRequest request = request(gateway, method, path, json, idempotencyKey);
		long start = this.clock.nanos();
		Instant startedAt = this.clock.wall();
		Answer answer;
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			this.cookies.keep(response.headers());
			answer = new Answer(response.statusCode(), Failure.NONE, false, response.body());
		}
		catch (IOException ex) {
			answer = failed(ex);
		}
		JsonNode order = (operation == Operation.PLACE_ORDER && answer.status() == 201) ? order(answer)
				: MissingNode.getInstance();
		this.history.record(new Exchange(operation, this.user, idempotencyKey, gateway, start, this.clock.nanos(),
				startedAt, this.clock.wall(), answer.status(), answer.failure(), order.path("id").asString(null),
				order.path("totalCents").asLong(0)));
		return answer;
	}

	/**
	 * A 201 whose body is not an order is recorded without an id, for the checker to see.
	 */
	private static JsonNode order(Answer answer) {
		try {
			return JSON.readTree(answer.body());
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	private HttpRequest request(String gateway, String method, String path, String json, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(REQUEST_TIMEOUT)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (!method.equals("GET")) {
			this.cookies.get("XSRF-TOKEN").ifPresent((token) -> request.header("X-XSRF-TOKEN", token));
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		this.cookies.header().ifPresent((cookies) -> request.header("Cookie", cookies));
		return request.build();
	}

	private static Answer failed(IOException ex) {
		boolean notConnected = causedBy(ex, ConnectException.class) || causedBy(ex, HttpConnectTimeoutException.class);
		if (!notConnected && causedBy(ex, HttpTimeoutException.class)) {
			return new Answer(0, Failure.TIMEOUT, false, "");
		}
		return new Answer(0, Failure.CONNECTION_ERROR, notConnected, "");
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.http.close();
	}

	/**
	 * What came back.
	 *
	 * @param status the HTTP status, 0 when none
	 * @param failure why there was none
	 * @param notConnected the connection was never made, so the request reached no server
	 * @param body the answer's body, empty when none
	 */
	record Answer(int status, Failure failure, boolean notConnected, String body) {

		/**
		 * What the README tells a client to retry with the same request: gateway and
		 * availability errors, rate limits, and no answer at all.
		 */
		boolean isWorthRetrying() {
			return this.failure != Failure.NONE || this.status == 429 || this.status == 502 || this.status == 503
					|| this.status == 504;
		}

	}

}
