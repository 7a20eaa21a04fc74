package io.hashop.bff.support;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The BFF on a random port with real Redis and fake downstreams, which most integration
 * tests share. There is one set of fakes for the whole run, so test classes that add no
 * settings of their own ({@code @TestPropertySource}) share one context too; before each
 * test the fakes answer normally again and the catalog has its first prices, so no test
 * inherits another's faults. Counters of the fakes grow over the run: compare them with a
 * value taken in the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithTestRedis
public abstract class BffIntegrationTest {

	protected static final FakeDownstreams downstreams = new FakeDownstreams();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void fakeDownstreams(DynamicPropertyRegistry registry) {
		downstreams.register(registry);
	}

	@BeforeEach
	protected void resetDownstreams() {
		downstreams.reset();
	}

	/** A new browser-like client, without cookies. */
	protected ApiClient client() {
		return new ApiClient(baseUrl());
	}

	/**
	 * A new client signed in as a user account added straight to the fake user-service.
	 */
	protected ApiClient clientSignedInAs(String email) {
		ApiClient client = client();
		ApiFixtures.signInAs(client, downstreams, email);
		return client;
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
