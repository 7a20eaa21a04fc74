package io.hashop.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import io.hashop.gateway.client.ClientProperties;
import io.hashop.gateway.client.ClientResolver;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitRulesTests {

	private final RateLimitProperties properties = new RateLimitProperties(true,
			List.of("/api/auth/login", "/api/auth/register"), 10, Duration.ofMinutes(1), 300, 1200,
			Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofSeconds(5), "rl", 1000);

	private final RateLimitRules rules = new RateLimitRules(new ClientResolver(new ClientProperties(0, "SESSION")),
			this.properties);

	@Test
	void limitsALoginPerClientIpAndPathOnly() {
		List<Quota> quotas = this.rules
			.quotasFor(from(MockServerHttpRequest.post("/api/auth/login").cookie(new HttpCookie("SESSION", "abc"))));

		assertThat(quotas)
			.containsExactly(new Quota("auth", "auth:/api/auth/login:10.0.0.9", 10, Duration.ofMinutes(1)));
	}

	@Test
	void treatsATrailingSlashAsTheSameAuthPath() {
		assertThat(this.rules.quotasFor(from(MockServerHttpRequest.post("/api/auth/register/")))).extracting(Quota::key)
			.containsExactly("auth:/api/auth/register:10.0.0.9");
	}

	@Test
	void limitsOtherRequestsPerSessionAndPerIp() {
		List<Quota> quotas = this.rules
			.quotasFor(from(MockServerHttpRequest.get("/api/orders").cookie(new HttpCookie("SESSION", "secret-id"))));

		assertThat(quotas).extracting(Quota::rule).containsExactly("user", "ip");
		assertThat(quotas.get(0).key()).startsWith("user:").doesNotContain("secret-id").hasSize(5 + 32);
		assertThat(quotas.get(1).key()).isEqualTo("ip:10.0.0.9");
	}

	@Test
	void limitsRequestsWithoutSessionPerIp() {
		assertThat(this.rules.quotasFor(from(MockServerHttpRequest.get("/api/auth/login")))).extracting(Quota::key)
			.containsExactly("user-ip:10.0.0.9", "ip:10.0.0.9");
	}

	private static MockServerHttpRequest from(MockServerHttpRequest.BaseBuilder<?> builder) {
		return builder.remoteAddress(new InetSocketAddress("10.0.0.9", 5555)).build();
	}

}
