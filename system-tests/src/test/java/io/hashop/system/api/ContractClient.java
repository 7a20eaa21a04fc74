package io.hashop.system.api;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client of the API (cookies, the XSRF echo on unsafe methods) that
 * validates every exchange against the API description: the request (unless the test
 * sends a bad one on purpose), the status, the body and the headers. Problems are
 * collected, not thrown, so one run lists all of them.
 */
final class ContractClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final OpenApiInteractionValidator validator;

	private final DocumentedHeaders headers;

	private final List<String> problems;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	ContractClient(String baseUrl, OpenApiInteractionValidator validator, DocumentedHeaders headers,
			List<String> problems) {
		this.baseUrl = baseUrl;
		this.validator = validator;
		this.headers = headers;
		this.problems = problems;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).connectTimeout(Duration.ofSeconds(5)).build();
	}

	/** A valid request: both the request and the answer are checked. */
	Answer send(String method, String pathAndQuery, String json, Map<String, String> extraHeaders) {
		return exchange(method, pathAndQuery, json, extraHeaders, true);
	}

	/** A request that is wrong on purpose: only the answer is checked. */
	Answer sendInvalid(String method, String pathAndQuery, String json, Map<String, String> extraHeaders) {
		return exchange(method, pathAndQuery, json, extraHeaders, false);
	}

	Answer get(String pathAndQuery) {
		return send("GET", pathAndQuery, null, Map.of());
	}

	Answer post(String path, String json) {
		return send("POST", path, json, Map.of());
	}

	String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Answer exchange(String method, String pathAndQuery, String json, Map<String, String> extraHeaders,
			boolean validRequest) {
		Map<String, String> sent = new LinkedHashMap<>();
		if (json != null) {
			sent.put("Content-Type", "application/json");
		}
		if (!method.equals("GET") && cookie("XSRF-TOKEN") != null) {
			sent.put("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
		}
		sent.putAll(extraHeaders);
		sent.values().removeIf((value) -> value == null);
		String cookieHeader = String.join("; ",
				this.cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).toList());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		sent.forEach(request::header);
		HttpResponse<String> response = send(request.build());
		Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());
		String label = method + " " + pathAndQuery + " -> " + answer.status();
		SimpleResponse.Builder documented = SimpleResponse.Builder.status(answer.status()).withBody(answer.body());
		answer.headers().forEach(documented::withHeader);
		ValidationReport report;
		if (validRequest) {
			report = this.validator.validate(request(method, pathAndQuery, json, sent, cookieHeader),
					documented.build());
		}
		else {
			String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
					: pathAndQuery;
			report = this.validator.validateResponse(path, Request.Method.valueOf(method), documented.build());
		}
		report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.forEach((message) -> this.problems.add(label + ": " + message.getKey() + ": " + message.getMessage()));
		this.headers.undocumented(method, pathAndQuery, answer.status(), answer.headers().keySet())
			.forEach((name) -> this.problems.add(label + ": undocumented response header " + name));
		return answer;
	}

	private static Request request(String method, String pathAndQuery, String json, Map<String, String> sent,
			String cookieHeader) {
		String[] parts = pathAndQuery.split("\\?", 2);
		SimpleRequest.Builder request = new SimpleRequest.Builder(method, parts[0]);
		if (parts.length > 1) {
			for (String pair : parts[1].split("&")) {
				String[] nameValue = pair.split("=", 2);
				request.withQueryParam(nameValue[0],
						URLDecoder.decode((nameValue.length > 1) ? nameValue[1] : "", StandardCharsets.UTF_8));
			}
		}
		sent.forEach(request::withHeader);
		if (!cookieHeader.isEmpty()) {
			request.withHeader("Cookie", cookieHeader);
		}
		if (json != null) {
			request.withBody(json);
		}
		return request.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One answer. */
	record Answer(int status, Map<String, List<String>> headers, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

}
