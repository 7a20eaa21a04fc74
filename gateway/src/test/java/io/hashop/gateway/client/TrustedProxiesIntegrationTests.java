package io.hashop.gateway.client;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hashop.devinfra.test.WithTestRedis;
import io.hashop.gateway.EdgeClient;
import io.hashop.gateway.StubBff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway behind a proxy at 127.0.200.0/24 ({@code TRUSTED_PROXIES}): only that proxy's
 * forwarding headers count; every other peer is its own client whatever it sends.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "hashop.gateway.trusted-proxies=127.0.200.0/24",
				"hashop.gateway.rate-limit.auth-limit=3" })
@WithTestRedis
class TrustedProxiesIntegrationTests {

	private static final StubBff BFF = StubBff.start("behind-proxy");

	private static final String PROXY = "127.0.200.7";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void stubBff(DynamicPropertyRegistry registry) {
		registry.add("hashop.gateway.load-balancer.instances", BFF::url);
		registry.add("hashop.gateway.rate-limit.key-prefix", () -> "test-trusted-proxies-" + UUID.randomUUID());
	}

	@AfterAll
	static void stopStub() {
		BFF.stop();
	}

	@BeforeEach
	void forgetEarlierRequests() {
		BFF.clear();
	}

	@Test
	void believesForwardedHeadersFromTheTrustedProxyOnly() {
		EdgeClient proxy = EdgeClient.from(this.port, PROXY);
		EdgeClient stranger = EdgeClient.fresh(this.port);

		HttpResponse<String> viaProxy = proxy.get("/api/products", "X-Forwarded-For", "6.6.6.6, 203.0.113.9",
				"X-Forwarded-Proto", "https");
		HttpResponse<String> direct = stranger.get("/api/products", "X-Forwarded-For", "203.0.113.9",
				"X-Forwarded-Proto", "https");

		assertThat(viaProxy.statusCode()).isEqualTo(200);
		assertThat(direct.statusCode()).isEqualTo(200);
		List<StubBff.Received> received = BFF.received();
		assertThat(received.get(0).header("X-Forwarded-For")).isEqualTo("203.0.113.9");
		assertThat(received.get(0).header("X-Forwarded-Proto")).isEqualTo("https");
		assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(received.get(1).header("X-Forwarded-For")).isEqualTo(stranger.address());
		assertThat(received.get(1).header("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void limitsIpv6ClientsBehindTheProxyPerSlash64() {
		EdgeClient proxy = EdgeClient.from(this.port, PROXY);

		List<Integer> sameNetwork = new ArrayList<>();
		for (String address : List.of("2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6:aaaa::3",
				"2001:db8:5:6:ffff:ffff:ffff:ffff")) {
			sameNetwork.add(proxy.post("/api/auth/login", "{}", "X-Forwarded-For", address).statusCode());
		}
		int nextNetwork = proxy.post("/api/auth/login", "{}", "X-Forwarded-For", "2001:db8:5:7::1").statusCode();

		assertThat(sameNetwork).containsExactly(200, 200, 200, 429);
		assertThat(nextNetwork).isEqualTo(200);
	}

	@Test
	void limitsIpv4ClientsBehindTheProxyPerAddress() {
		EdgeClient proxy = EdgeClient.from(this.port, PROXY);

		List<Integer> one = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			one.add(proxy.post("/api/auth/login", "{}", "X-Forwarded-For", "198.51.100.21").statusCode());
		}
		int neighbour = proxy.post("/api/auth/login", "{}", "X-Forwarded-For", "198.51.100.22").statusCode();

		assertThat(one).containsExactly(200, 200, 200, 429);
		assertThat(neighbour).isEqualTo(200);
	}

}
