package io.hashop.system.isolation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.ApiClient.Response;
import io.hashop.system.isolation.AuthorizationMatrixIntegrationTests.Caller;
import io.hashop.system.isolation.AuthorizationMatrixIntegrationTests.Row;
import io.hashop.system.support.SystemUnderTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four callers of the authorization matrix, each a browser-like client with its own
 * order (anonymous has none), and the check that no answer carries another user's data.
 */
final class Callers {

	static final String ONE_COFFEE = "{\"items\":[{\"productId\":1,\"quantity\":1}]}";

	private final Map<Caller, ApiClient> clients = new EnumMap<>(Caller.class);

	private final Map<Caller, String> orders = new EnumMap<>(Caller.class);

	private final Map<Caller, String> emails = new EnumMap<>(Caller.class);

	private final String price;

	private final List<String> crossUser = new ArrayList<>();

	private Response foreign;

	private Response missing;

	private Callers(String price) {
		this.price = price;
	}

	static Callers signIn(SystemUnderTest system) {
		ApiClient anonymous = new ApiClient(system.gatewayUrl(1));
		Callers callers = new Callers(
				"{\"priceCents\":" + anonymous.get("/api/products").json().get(11).get("priceCents").asLong() + "}");
		callers.clients.put(Caller.ANONYMOUS, anonymous);
		callers.clients.put(Caller.A, HostileInputIntegrationTests.signUp(system.gatewayUrl(1)));
		callers.clients.put(Caller.B, HostileInputIntegrationTests.signUp(system.gatewayUrl(2)));
		callers.clients.put(Caller.ADMIN,
				HostileInputIntegrationTests.signIn(system.gatewayUrl(2), system.adminEmail(), system.adminPassword()));
		for (Caller caller : List.of(Caller.A, Caller.B, Caller.ADMIN)) {
			ApiClient client = callers.clients.get(caller);
			callers.emails.put(caller, client.get("/api/me").json().get("email").asString());
			Response placed = client.send("POST", "/api/orders", ONE_COFFEE, Map.of("Idempotency-Key", "matrix-own"));
			assertThat(placed.status()).isIn(200, 201);
			callers.orders.put(caller, placed.json().get("id").asString());
		}
		return callers;
	}

	Response send(Caller caller, Row row) {
		String path = row.path()
			.replace("{A-order}", this.orders.get(Caller.A))
			.replace("{B-order}", this.orders.get(Caller.B))
			.replace("{missing}", UUID.randomUUID().toString());
		String body = (row.body() == null) ? null : switch (row.body()) {
			case "{new-account}" -> AuthorizationMatrixIntegrationTests.newAccount();
			case "{one-coffee}" -> ONE_COFFEE;
			case "{price}" -> this.price;
			default -> row.body();
		};
		Map<String, String> headers = new HashMap<>();
		headers.put("Idempotency-Key", "matrix-" + UUID.randomUUID());
		if (!row.xsrf()) {
			headers.put("X-XSRF-TOKEN", null);
		}
		Response response = this.clients.get(caller).send(row.method(), path, body, headers);
		if (caller == Caller.A && row.path().equals("/api/orders/{B-order}")) {
			this.foreign = response;
		}
		if (caller == Caller.A && row.path().equals("/api/orders/{missing}")) {
			this.missing = response;
		}
		return response;
	}

	/** Counts every answer that shows a caller something of another user's. */
	void checkNoCrossUserAccess(Caller caller, Row row, Response response) {
		if (response.status() >= 300 || !response.contentType().startsWith("application/json")) {
			return;
		}
		String body = response.body();
		for (Caller other : List.of(Caller.A, Caller.B, Caller.ADMIN)) {
			if (other != caller && (body.contains(this.orders.get(other)) || body.contains(this.emails.get(other)))) {
				this.crossUser.add(caller + " saw " + other + "'s data at " + row);
			}
		}
	}

	int crossUserAccesses() {
		return this.crossUser.size();
	}

	List<String> crossUserDetails() {
		return this.crossUser;
	}

	/**
	 * Another user's order is denied exactly as a missing one: status, type, title,
	 * detail.
	 */
	boolean foreignOrderLooksLikeAMissingOne() {
		JsonNode foreignProblem = this.foreign.json();
		JsonNode missingProblem = this.missing.json();
		return this.foreign.status() == this.missing.status()
				&& this.foreign.contentType().equals(this.missing.contentType())
				&& List.of("type", "title", "status", "detail")
					.stream()
					.allMatch((field) -> String.valueOf(foreignProblem.get(field))
						.equals(String.valueOf(missingProblem.get(field))));
	}

}
