package io.hashop.bff.order;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crafted cursor is the client's error: 400 problem+json, and never a failure of
 * order-service in the eyes of its circuit breaker (issue 9). The fake order-service
 * never issues a cursor, so it answers every cursor it is sent with INVALID_ARGUMENT, as
 * the real one does for a cursor it did not issue.
 */
@TestPropertySource(properties = { "hashop.bff.downstream.services.order-service.minimum-number-of-calls=4",
		"hashop.bff.downstream.services.order-service.sliding-window-size=4" })
class OrderCursorIntegrationTests extends BffIntegrationTest {

	@Autowired
	MeterRegistry meters;

	ApiClient client;

	@BeforeEach
	void signIn() {
		this.client = clientSignedInAs("cursor@example.com");
	}

	@Test
	void answersManyBadCursorsWith400AndLeavesTheBreakerClosed() {
		int callsBefore = downstreams.orderServer.calls();

		for (String cursor : wellFormedButWrong(new Random(7), 200)) {
			assertBadCursor(this.client.get("/api/orders?cursor=" + cursor));
		}

		assertThat(downstreams.orderServer.calls() - callsBefore).isEqualTo(200);
		assertThat(breakerState("closed")).isEqualTo(1.0);
		assertThat(this.client.get("/api/orders").status()).isEqualTo(200);
	}

	@Test
	void rejectsWhatCannotBeACursorWithoutCallingOrderService() {
		int callsBefore = downstreams.orderServer.calls();

		for (String cursor : impossible(new Random(11), 200)) {
			assertBadCursor(this.client.get("/api/orders?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
		}

		assertThat(downstreams.orderServer.calls()).isEqualTo(callsBefore);
		assertThat(breakerState("closed")).isEqualTo(1.0);
	}

	private double breakerState(String state) {
		return this.meters.get("resilience4j.circuitbreaker.state")
			.tags("name", OrderClient.SERVICE, "state", state)
			.gauge()
			.value();
	}

	private static void assertBadCursor(ApiClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("cursor").doesNotContain("Exception");
	}

	/**
	 * Valid base64url of things order-service never issued: it must answer
	 * INVALID_ARGUMENT.
	 */
	private static List<String> wellFormedButWrong(Random random, int count) {
		String[] times = { "-1", "9223372036854775807", "253402300800000000", "99999999999999999999", "+5", "007" };
		List<String> cursors = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String text = times[random.nextInt(times.length)] + ":" + new UUID(random.nextLong(), random.nextLong())
					+ ((random.nextInt(4) == 0) ? ":extra" : "");
			cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
		}
		return cursors;
	}

	/**
	 * Padding, characters outside base64url, odd encodings, or longer than any cursor.
	 */
	private static List<String> impossible(Random random, int count) {
		String alphabet = "=+/ .,;:%!$&'()*@~\"<>\\^`{|}\t\u00e9\u4e2d";
		List<String> cursors = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			StringBuilder cursor = new StringBuilder("MTcwMDAwMDAwMDAwMDAwMDo");
			if (random.nextInt(5) == 0) {
				cursor.append("A".repeat(201 + random.nextInt(2_000)));
			}
			else {
				int at = random.nextInt(cursor.length() + 1);
				cursor.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
			}
			cursors.add(cursor.toString());
		}
		return cursors;
	}

}
