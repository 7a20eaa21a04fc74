package io.hashop.bff.order;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.stub.StreamObserver;
import io.hashop.bff.support.FakeDownstreams;
import io.hashop.bff.support.FakeGrpcServer;
import io.hashop.contracts.order.v1.ListOrdersRequest;
import io.hashop.contracts.order.v1.ListOrdersResponse;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.WithTestRedis;
import io.hashop.platform.error.FieldViolation;
import io.hashop.platform.grpc.GrpcErrors;
import io.hashop.platform.identity.InternalIdentityProperties;
import io.hashop.platform.identity.InternalTokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crafted cursor is the client's error: 400 problem+json, and never a failure of
 * order-service in the eyes of its circuit breaker (issue 9).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0",
				"hashop.bff.downstream.services.order-service.minimum-number-of-calls=4",
				"hashop.bff.downstream.services.order-service.sliding-window-size=4" })
@WithTestRedis
class OrderCursorIntegrationTests {

	static final FakeDownstreams downstreams = new FakeDownstreams();

	static final CursorCheckingOrderService orders = new CursorCheckingOrderService();

	static final FakeGrpcServer orderServer = new FakeGrpcServer(orders,
			new InternalTokenVerifier(new InternalIdentityProperties(true, FakeDownstreams.SECRET, "order-service",
					"hashop-internal", Duration.ofSeconds(60), Duration.ofSeconds(5), true)));

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("spring.grpc.client.channels.user-service.address", downstreams.userServer::address);
		registry.add("spring.grpc.client.channels.order-service.address", orderServer::address);
		registry.add("hashop.bff.payment-service.instances", downstreams.payments::url);
		registry.add("platform.identity.secret", () -> FakeDownstreams.SECRET);
	}

	@AfterAll
	static void stopDownstreams() throws InterruptedException {
		orderServer.close();
		downstreams.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	ApiClient client;

	@BeforeEach
	void signIn() {
		this.client = new ApiClient("http://localhost:" + this.port);
		downstreams.users.add("cursor@example.com", "correct-horse-1", "Cursor", "USER");
		assertThat(this.client
			.post("/api/auth/login", "{\"email\":\"cursor@example.com\",\"password\":\"correct-horse-1\"}")
			.status()).isEqualTo(200);
	}

	@Test
	void answersManyBadCursorsWith400AndLeavesTheBreakerClosed() {
		int callsBefore = orders.listCalls.get();

		for (String cursor : wellFormedButWrong(new Random(7), 200)) {
			assertBadCursor(this.client.get("/api/orders?cursor=" + cursor));
		}

		assertThat(orders.listCalls.get() - callsBefore).isEqualTo(200);
		assertThat(breakerState("closed")).isEqualTo(1.0);
		assertThat(this.client.get("/api/orders").status()).isEqualTo(200);
	}

	@Test
	void rejectsWhatCannotBeACursorWithoutCallingOrderService() {
		int callsBefore = orders.listCalls.get();

		for (String cursor : impossible(new Random(11), 200)) {
			assertBadCursor(this.client.get("/api/orders?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
		}

		assertThat(orders.listCalls.get()).isEqualTo(callsBefore);
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

	/** Answers like order-service: a cursor it did not issue is INVALID_ARGUMENT. */
	static final class CursorCheckingOrderService extends OrderServiceGrpc.OrderServiceImplBase {

		final AtomicInteger listCalls = new AtomicInteger();

		@Override
		public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> observer) {
			this.listCalls.incrementAndGet();
			if (!request.getCursor().isEmpty()) {
				observer.onError(GrpcErrors
					.invalidArgument(List.of(new FieldViolation("cursor", "is not a cursor returned by this API"))));
				return;
			}
			observer.onNext(ListOrdersResponse.getDefaultInstance());
			observer.onCompleted();
		}

	}

}
