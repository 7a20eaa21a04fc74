package io.hashop.launcher.check;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --smoke} saga check: a new user registers and signs in through the gateway,
 * places an order, and the order reaches {@code PAID} through Kafka within the timeout.
 */
public final class OrderSmokeCheck {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

	private final int gatewayPort;

	private final Duration timeout;

	private final PrintStream out;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	public OrderSmokeCheck(int gatewayPort, Duration timeout, PrintStream out) {
		this.gatewayPort = gatewayPort;
		this.timeout = timeout;
		this.out = out;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).connectTimeout(Duration.ofSeconds(5)).build();
	}

	/** Prints one status line; true when the order was paid in time. */
	public boolean run() {
		byte[] random = new byte[6];
		new SecureRandom().nextBytes(random);
		String tag = HexFormat.of().formatHex(random);
		String credentials = "{\"email\":\"smoke-" + tag + "@hashop.local\",\"password\":\"smoke-password-" + tag
				+ "\"";
		try {
			expect(201, post("/api/auth/register", credentials + ",\"displayName\":\"Smoke check\"}", null),
					"register");
			expect(200, post("/api/auth/login", credentials + "}", null), "login");
			HttpResponse<String> placed = expect(201,
					post("/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}", "smoke-" + tag),
					"place an order");
			String orderId = first(ID, placed.body())
				.orElseThrow(() -> new SmokeFailure("no order id in " + placed.body()));
			Instant start = Instant.now();
			String status = awaitDecided(orderId);
			long millis = Duration.between(start, Instant.now()).toMillis();
			boolean paid = "PAID".equals(status);
			this.out.printf("  %-6s %-16s order %s placed through the gateway -> %s after %d ms%n",
					paid ? "OK" : "FAILED", "saga", orderId, status, millis);
			return paid;
		}
		catch (SmokeFailure | IOException ex) {
			this.out.printf("  %-6s %-16s %s%n", "FAILED", "saga", ex.getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String awaitDecided(String orderId) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(this.timeout);
		String status = "PENDING_PAYMENT";
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> order = this.http.send(request("/api/orders/" + orderId).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			status = first(STATUS, expect(200, order, "read the order").body()).orElse(status);
			if (!"PENDING_PAYMENT".equals(status)) {
				return status;
			}
			Thread.sleep(200);
		}
		return status + " (still, after " + this.timeout.toSeconds() + " s)";
	}

	private HttpResponse<String> post(String path, String json, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		xsrfToken().ifPresent((token) -> request.header("X-XSRF-TOKEN", token));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.gatewayPort + path))
			// Generous: the first request warms up every hop (gateway, BFF, gRPC
			// channels).
			.timeout(Duration.ofSeconds(30));
	}

	private Optional<String> xsrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
		if (response.statusCode() != status) {
			String body = response.body();
			throw new SmokeFailure("could not " + what + ": HTTP " + response.statusCode() + " "
					+ body.substring(0, Math.min(body.length(), 200)));
		}
		return response;
	}

	private static Optional<String> first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** A step that did not give the expected answer. */
	private static final class SmokeFailure extends RuntimeException {

		SmokeFailure(String message) {
			super(message);
		}

	}

}
