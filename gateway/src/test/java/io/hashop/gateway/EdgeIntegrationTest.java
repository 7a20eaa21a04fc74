package io.hashop.gateway;

import java.util.UUID;

import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one gateway context that most integration tests share: two stub BFF instances
 * behind round-robin, real Redis, and rate limits low enough to trip in a test. Every
 * test talks from its own client address ({@link #client()}), so budgets never leak
 * between tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "hashop.gateway.rate-limit.auth-limit=3",
				"hashop.gateway.rate-limit.account-limit=4", "hashop.gateway.rate-limit.account-window=1m",
				"hashop.gateway.rate-limit.user-limit=20", "hashop.gateway.rate-limit.ip-limit=30",
				"hashop.gateway.rate-limit.redis-backoff=1s" })
@WithTestRedis
public abstract class EdgeIntegrationTest {

	protected static final StubBff ALPHA = StubBff.start("alpha");

	protected static final StubBff BRAVO = StubBff.start("bravo");

	private static final String KEY_PREFIX = "test-rate-limit-" + UUID.randomUUID();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void stubBffs(DynamicPropertyRegistry registry) {
		registry.add("hashop.gateway.load-balancer.instances", () -> ALPHA.url() + "," + BRAVO.url());
		registry.add("hashop.gateway.rate-limit.key-prefix", () -> KEY_PREFIX);
	}

	@BeforeEach
	protected void forgetEarlierRequests() {
		ALPHA.clear();
		BRAVO.clear();
	}

	/** A client with an address of its own. */
	protected EdgeClient client() {
		return EdgeClient.fresh(this.port);
	}

	protected static int reachedBff() {
		return ALPHA.count() + BRAVO.count();
	}

	protected static String keyPrefix() {
		return KEY_PREFIX;
	}

}
