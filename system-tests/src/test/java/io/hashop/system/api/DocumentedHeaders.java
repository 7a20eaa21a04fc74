package io.hashop.system.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The response headers the API description documents per operation and status. The
 * request validator checks the documented headers' values but lets any other header pass;
 * this finds those that a client would meet without a word about them. HTTP's own headers
 * and the gateway's security headers (gateway/README.md) need no description.
 */
final class DocumentedHeaders {

	private static final Set<String> HTTP = Set.of("content-type", "content-length", "date", "connection", "keep-alive",
			"transfer-encoding", "vary", "cache-control", "pragma", "expires", "set-cookie", "x-content-type-options",
			"x-frame-options", "referrer-policy", "content-security-policy", "strict-transport-security",
			"x-xss-protection", ":status");

	private final JsonNode document;

	DocumentedHeaders(JsonNode document) {
		this.document = document;
	}

	/** The headers of an answer that are neither HTTP's own nor documented for it. */
	List<String> undocumented(String method, String pathAndQuery, int status, Collection<String> names) {
		String path = pathAndQuery.split("\\?", 2)[0];
		Set<String> documented = documented(method, path, status);
		List<String> undocumented = new ArrayList<>();
		for (String name : names) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!HTTP.contains(lower) && !documented.contains(lower)) {
				undocumented.add(name);
			}
		}
		return undocumented;
	}

	private Set<String> documented(String method, String path, int status) {
		Set<String> names = new TreeSet<>();
		for (Map.Entry<String, JsonNode> entry : this.document.get("paths").properties()) {
			if (!path.matches(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+"))) {
				continue;
			}
			JsonNode operation = entry.getValue().get(method.toLowerCase(Locale.ROOT));
			JsonNode response = (operation != null) ? operation.get("responses").get(String.valueOf(status)) : null;
			if (response != null && response.has("$ref")) {
				String name = response.get("$ref").asString().substring("#/components/responses/".length());
				response = this.document.get("components").get("responses").get(name);
			}
			if (response != null && response.has("headers")) {
				response.get("headers")
					.properties()
					.forEach((header) -> names.add(header.getKey().toLowerCase(Locale.ROOT)));
			}
		}
		return names;
	}

}
