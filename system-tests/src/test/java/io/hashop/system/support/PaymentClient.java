package io.hashop.system.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** payment-service's REST API, as the BFF calls it. */
public final class PaymentClient {

	private final int port;

	private final InternalTokenIssuer tokens;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	PaymentClient(int port, InternalTokenIssuer tokens) {
		this.port = port;
		this.tokens = tokens;
	}

	/** {@code GET /payments/orders/{orderId}}: the order's payment, if it has one. */
	public Optional<JsonNode> ofOrder(String userId, String orderId) {
		String token = this.tokens.issue(CallerIdentity.user(userId, Set.of("USER")), "payment-service");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/payments/orders/" + orderId))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return Optional.empty();
			}
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET payment of " + orderId + ": " + response.statusCode());
			}
			return Optional.of(this.json.readTree(response.body()));
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
