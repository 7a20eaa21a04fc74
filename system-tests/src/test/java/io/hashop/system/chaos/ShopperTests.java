package io.hashop.system.chaos;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hashop.system.chaos.Exchange.Failure;
import io.hashop.system.chaos.FakeGateway.Received;
import io.hashop.system.chaos.FakeGateway.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ShopperTests {

	static final String ORDERS = "POST /api/orders";

	static final Reply CREATED = new Reply(201, "{\"id\":\"o1\",\"status\":\"PENDING_PAYMENT\",\"totalCents\":4980}");

	final RunClock clock = new RunClock();

	final History history = new History();

	@Test
	void retriesAnOrderWithTheSameKeyBodyAndXsrfTokenAfterA503() throws Exception {
		try (FakeGateway gateway = new FakeGateway()) {
			gateway.script(ORDERS, new Reply(503, "{}"), new Reply(502, "{}"), CREATED);

			shopUntilAnOrderIsAccepted(gateway);

			List<Received> orders = gateway.received(ORDERS);
			assertThat(orders).hasSize(3);
			assertThat(orders).extracting(Received::idempotencyKey).containsOnly(orders.get(0).idempotencyKey());
			assertThat(orders).extracting(Received::body).containsOnly(orders.get(0).body());
			assertThat(orders).extracting(Received::xsrfHeader).containsOnly("x2");
			assertThat(orders.get(0).cookies()).contains("SESSION=s2");
			assertThat(this.history.exchanges()).filteredOn(Exchange::isAcceptedOrder)
				.singleElement()
				.satisfies((accepted) -> assertThat(accepted.totalCents()).isEqualTo(4980));
		}
	}

	@Test
	void signsInAgainAfterA401AndSendsTheSameOrderAgain() throws Exception {
		try (FakeGateway gateway = new FakeGateway()) {
			gateway.script(ORDERS, new Reply(401, "{}"), CREATED);

			shopUntilAnOrderIsAccepted(gateway);

			assertThat(gateway.received("POST /api/auth/login")).hasSize(2);
			List<Received> orders = gateway.received(ORDERS);
			assertThat(orders).extracting(Received::idempotencyKey).containsOnly(orders.get(0).idempotencyKey());
			assertThat(orders.get(1).cookies()).contains("SESSION=s4");
		}
	}

	@Test
	void givesUpOnAnOrderAnsweredWithA4xx() throws Exception {
		try (FakeGateway gateway = new FakeGateway()) {
			gateway.script(ORDERS, new Reply(422, "{}"), CREATED);

			shopUntilAnOrderIsAccepted(gateway);

			List<Received> orders = gateway.received(ORDERS);
			assertThat(orders).hasSize(2);
			assertThat(orders.get(1).idempotencyKey()).isNotEqualTo(orders.get(0).idempotencyKey());
		}
	}

	@Test
	void sendsToTheOtherGatewayWhenOneRefusesTheConnectionAndSkipsTheRefusingOneForAWhile() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		try (FakeGateway gateway = new FakeGateway();
				ShopperClient client = new ShopperClient("ada", List.of("http://localhost:" + closed, gateway.url()),
						this.history, this.clock)) {
			for (int i = 0; i < 4; i++) {
				assertThat(client.send(Operation.DASHBOARD, "GET", "/api/dashboard", null, null).status())
					.isEqualTo(200);
			}
		}
		assertThat(this.history.exchanges()).extracting(Exchange::failure, Exchange::status)
			.containsExactly(tuple(Failure.CONNECTION_ERROR, 0), tuple(Failure.NONE, 200), tuple(Failure.NONE, 200),
					tuple(Failure.NONE, 200), tuple(Failure.NONE, 200));
	}

	/** Runs one shopper until the gateway accepted an order, then stops it. */
	private void shopUntilAnOrderIsAccepted(FakeGateway gateway) throws InterruptedException {
		AtomicBoolean timedOut = new AtomicBoolean();
		Shopper shopper = new Shopper("ada", new ShopperClient("ada", List.of(gateway.url()), this.history, this.clock),
				this.clock, new Random(1),
				() -> !timedOut.get() && (gateway.received(ORDERS).size() < 2
						|| this.history.exchanges().stream().noneMatch(Exchange::isAcceptedOrder)),
				new CountDownLatch(1));
		Thread thread = Thread.ofPlatform().start(shopper);
		boolean stopped = thread.join(Duration.ofSeconds(30));
		timedOut.set(true);
		thread.interrupt();
		assertThat(stopped).as("the shopper stopped").isTrue();
	}

}
