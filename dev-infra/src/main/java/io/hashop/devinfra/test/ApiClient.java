package io.hashop.devinfra.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client of the public API: keeps cookies and, unless told otherwise,
 * echoes the XSRF-TOKEN cookie in the X-XSRF-TOKEN header of unsafe requests.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).connectTimeout(Duration.ofSeconds(5)).build();
	}

	public Response get(String path) {
		return send("GET", path, null, Map.of());
	}

	public Response post(String path, String json) {
		return send("POST", path, json, Map.of());
	}

	public Response put(String path, String json) {
		return send("PUT", path, json, Map.of());
	}

	public Response send(String method, String path, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		Map<String, String> all = new LinkedHashMap<>();
		if (json != null) {
			all.put("Content-Type", "application/json");
		}
		if (!method.equals("GET") && cookie("XSRF-TOKEN").isPresent()) {
			all.put("X-XSRF-TOKEN", cookie("XSRF-TOKEN").get());
		}
		all.putAll(headers);
		all.forEach((name, value) -> {
			if (value != null) {
				request.header(name, value);
			}
		});
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/**
	 * Copies this client's cookies into another, as a browser would keep them across
	 * servers.
	 */
	public void shareCookiesWith(ApiClient other, String otherBaseUrl) {
		this.cookies.getCookieStore()
			.getCookies()
			.forEach((cookie) -> other.cookies.getCookieStore().add(URI.create(otherBaseUrl), cookie));
	}

	/** One answer of the API. */
	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		public java.util.List<String> setCookies() {
			return this.headers.allValues("Set-Cookie");
		}

	}

}
