package io.hashop.bff.security;

import io.hashop.bff.support.BffInstances;
import io.hashop.bff.support.BffIntegrationTest;
import io.hashop.devinfra.test.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.hashop.bff.support.ApiFixtures.order;
import static io.hashop.bff.support.ApiFixtures.placeOrder;
import static io.hashop.bff.support.ApiFixtures.signInAs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two BFF instances sharing Redis: any instance serves any session, also after the
 * creating instance stops.
 */
class SessionAcrossInstancesIntegrationTests extends BffIntegrationTest {

	@Test
	void servesASessionOnAnyInstanceEvenAfterTheOneThatCreatedItStops() {
		ConfigurableApplicationContext creator = BffInstances.start(downstreams);
		ApiClient onCreator = new ApiClient(BffInstances.url(creator));
		signInAs(onCreator, downstreams, "roaming@example.com");
		ApiClient onSecond = client();
		onCreator.shareCookiesWith(onSecond, baseUrl());

		assertThat(onSecond.get("/api/me").json().get("email").asString()).isEqualTo("roaming@example.com");
		creator.close();
		assertThat(onSecond.get("/api/me").status()).isEqualTo(200);
		assertThat(placeOrder(onSecond, "roaming-1", order(1, 1)).status()).isEqualTo(201);
	}

}
