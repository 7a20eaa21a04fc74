package io.hashop.payment.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0",
				"platform.identity.secret=test-secret-test-secret-test-secret-0123" })
@WithTestDatabase
@WithTestKafka
class PaymentApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PaymentRepository payments;

	@Autowired
	InternalTokenIssuer issuer;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	final UUID alice = UUID.randomUUID();

	final UUID bob = UUID.randomUUID();

	@Test
	void recordsAtMostOnePaymentPerOrder() {
		UUID orderId = UUID.randomUUID();

		assertThat(this.payments.insertIfAbsent(payment(orderId, this.alice, PaymentStatus.AUTHORIZED))).isTrue();
		assertThat(this.payments.insertIfAbsent(payment(orderId, this.alice, PaymentStatus.DECLINED))).isFalse();
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.jdbc
			.sql("""
					INSERT INTO payments (id, order_id, user_id, amount_cents, currency, status, provider_reference, created_at)
					VALUES (?, ?, ?, 100, 'EUR', 'AUTHORIZED', 'manual', now())
					""")
			.params(UUID.randomUUID(), orderId, this.alice)
			.update());
		assertThat(this.jdbc.sql("SELECT status FROM payments WHERE order_id = ?")
			.param(orderId)
			.query(String.class)
			.list()).containsExactly("AUTHORIZED");
	}

	@Test
	void showsTheOwnerThePaymentOfTheirOrder() throws Exception {
		UUID orderId = UUID.randomUUID();
		this.payments.insertIfAbsent(payment(orderId, this.alice, PaymentStatus.DECLINED));

		HttpResponse<String> response = get("/payments/orders/" + orderId, token(this.alice));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(body.get("status").asString()).isEqualTo("DECLINED");
		assertThat(body.get("amountCents").asLong()).isEqualTo(2_500);
		assertThat(body.has("userId")).isFalse();
	}

	@Test
	void hidesAnotherUsersPaymentAsNotFound() throws Exception {
		UUID orderId = UUID.randomUUID();
		this.payments.insertIfAbsent(payment(orderId, this.alice, PaymentStatus.AUTHORIZED));

		HttpResponse<String> foreign = get("/payments/orders/" + orderId, token(this.bob));
		HttpResponse<String> missing = get("/payments/orders/" + UUID.randomUUID(), token(this.bob));

		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode foreignProblem = this.json.readTree(foreign.body());
		JsonNode missingProblem = this.json.readTree(missing.body());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(foreignProblem.get("title")).isEqualTo(missingProblem.get("title"));
		assertThat(foreignProblem.get("detail")).isEqualTo(missingProblem.get("detail"));
	}

	@Test
	void listsOnlyTheCallersPaymentsNewestFirst() throws Exception {
		UUID older = UUID.randomUUID();
		UUID newer = UUID.randomUUID();
		this.payments.insertIfAbsent(payment(older, this.alice, PaymentStatus.AUTHORIZED, 60));
		this.payments.insertIfAbsent(payment(newer, this.alice, PaymentStatus.AUTHORIZED, 0));
		this.payments.insertIfAbsent(payment(UUID.randomUUID(), this.bob, PaymentStatus.AUTHORIZED, 0));

		JsonNode items = this.json.readTree(get("/payments", token(this.alice)).body()).get("items");

		assertThat(items.valueStream().map((item) -> item.get("orderId").asString()).toList())
			.containsExactly(newer.toString(), older.toString());
	}

	@Test
	void rejectsBadInputWithProblemDetails() throws Exception {
		HttpResponse<String> badId = get("/payments/orders/not-a-uuid", token(this.alice));
		HttpResponse<String> badLimit = get("/payments?limit=1000", token(this.alice));

		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(badLimit.statusCode()).isEqualTo(400);
		assertThat(badLimit.body()).contains("limit").doesNotContain("Exception");
	}

	@Test
	void rejectsCallsWithoutAValidInternalToken() throws Exception {
		String wrongAudience = this.issuer.issue(CallerIdentity.user(this.alice.toString(), Set.of("USER")),
				"order-service");
		for (String token : List.of("", "garbage", wrongAudience, token(this.alice) + "x")) {
			HttpResponse<String> response = get("/payments", token);
			assertThat(response.statusCode()).as(token).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(get("/payments", this.issuer.issue(CallerIdentity.anonymous(), "payment-service")).statusCode())
			.isEqualTo(401);
	}

	@Test
	void answersEveryRejectedRequestWithAProblem() throws Exception {
		String token = token(this.alice);
		List<String> requests = List.of("FOO /payments", "POST /payments", "DELETE /payments/orders/x", "PUT /payments",
				"GET /payments;x=y", "GET /payments//orders", "GET /payments/orders/", "GET /payments/../actuator/env",
				"GET /nowhere", "GET /payments?limit=1&limit=2", "GET /payments?limit=" + "9".repeat(3000),
				"GET /payments/orders/%00", "GET /payments?limit=%25zz");
		List<String> answers = new ArrayList<>();
		for (String request : requests) {
			String[] parts = request.split(" ", 2);
			for (String accept : List.of("*/*", "application/xml")) {
				HttpResponse<String> response = this.http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + parts[1]))
						.method(parts[0], HttpRequest.BodyPublishers.noBody())
						.header("Authorization", "Bearer " + token)
						.header("Accept", accept)
						.build(), HttpResponse.BodyHandlers.ofString());
				answers.add(answer(request + " accepting " + accept, response));
			}
		}
		answers.add(answer("a 9 KB token", get("/payments", "a".repeat(9_000))));
		assertThat(answers)
			.allSatisfy((answer) -> assertThat(answer).matches(".* -> (2\\d\\d|4\\d\\d application/problem\\+json.*)"));
	}

	private static String answer(String request, HttpResponse<String> response) {
		String type = (response.statusCode() < 300) ? ""
				: " " + response.headers().firstValue("Content-Type").orElse("(no body type)");
		return request + " -> " + response.statusCode() + type;
	}

	@Test
	void answersHealthProbesWithoutAToken() throws Exception {
		for (String path : List.of("/healthz", "/livez", "/readyz")) {
			assertThat(get(path, "").statusCode()).as(path).isEqualTo(200);
		}
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String token(UUID userId) {
		return this.issuer.issue(CallerIdentity.user(userId.toString(), Set.of("USER")), "payment-service");
	}

	private static Payment payment(UUID orderId, UUID userId, PaymentStatus status) {
		return payment(orderId, userId, status, 0);
	}

	private static Payment payment(UUID orderId, UUID userId, PaymentStatus status, int secondsAgo) {
		return new Payment(UUID.randomUUID(), orderId, userId, 2_500, "EUR", status, "sim_" + UUID.randomUUID(),
				(status == PaymentStatus.DECLINED) ? "AMOUNT_ABOVE_LIMIT" : null,
				Instant.now().minusSeconds(secondsAgo).truncatedTo(ChronoUnit.MICROS));
	}

}
