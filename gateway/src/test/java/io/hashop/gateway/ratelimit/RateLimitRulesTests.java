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
			List.of("/api/auth/login", "/api/auth/register"), 10, Duration.ofMinutes(1), List.of("/api/auth/login"), 5,
			Duration.ofMinutes(5), 300, 1200, Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofSeconds(5),
			"rl", 1000, Duration.ofMillis(100));

	private final RateLimitRules rules = new RateLimitRules(
			new ClientResolver(new ClientProperties(List.of(), "SESSION")), this.properties);

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
		assertThat(quotas).allMatch(Quota::batched);
		assertThat(quotas.get(0).key()).startsWith("user:").doesNotContain("secret-id").hasSize(5 + 32);
		assertThat(quotas.get(1).key()).isEqualTo("ip:10.0.0.9");
	}

	@Test
	void limitsRequestsWithoutSessionPerIp() {
		assertThat(this.rules.quotasFor(from(MockServerHttpRequest.get("/api/auth/login")))).extracting(Quota::key)
			.containsExactly("user-ip:10.0.0.9", "ip:10.0.0.9");
	}

	@Test
	void keysAnIpv6ClientByItsSlash64() {
		List<Quota> first = this.rules.quotasFor(MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("2001:db8:aa:bb:1:2:3:4", 5555))
			.build());
		List<Quota> second = this.rules.quotasFor(MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("2001:db8:aa:bb:ffff::9", 5555))
			.build());
		List<Quota> otherNetwork = this.rules.quotasFor(MockServerHttpRequest.get("/api/products")
			.remoteAddress(new InetSocketAddress("2001:db8:aa:bc::1", 5555))
			.build());

		assertThat(first).extracting(Quota::key).containsExactly("auth:/api/auth/login:2001:db8:aa:bb::/64");
		assertThat(second).isEqualTo(first);
		assertThat(otherNetwork).extracting(Quota::key)
			.containsExactly("user-ip:2001:db8:aa:bc::/64", "ip:2001:db8:aa:bc::/64");
	}

	@Test
	void keysAnIpv4ClientByItsOwnAddress() {
		assertThat(this.rules.quotasFor(MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("192.0.2.7", 5555))
			.build())).extracting(Quota::key).containsExactly("auth:/api/auth/login:192.0.2.7");
	}

	@Test
	void limitsLoginPerNormalisedAccountWithoutKeepingTheAddress() {
		Quota quota = this.rules.accountQuota("  Ada@Example.COM ");

		assertThat(quota).isEqualTo(this.rules.accountQuota("ada@example.com"));
		assertThat(quota.rule()).isEqualTo("account");
		assertThat(quota.limit()).isEqualTo(5);
		assertThat(quota.window()).isEqualTo(Duration.ofMinutes(5));
		assertThat(quota.key()).startsWith("account:").doesNotContainIgnoringCase("ada").hasSize(8 + 32);
		assertThat(this.rules.accountQuota("bob@example.com").key()).isNotEqualTo(quota.key());
	}

	@Test
	void appliesTheAccountLimitToLoginPostsOnly() {
		assertThat(this.rules.isAccountPath(from(MockServerHttpRequest.post("/api/auth/login")))).isTrue();
		assertThat(this.rules.isAccountPath(from(MockServerHttpRequest.post("/api/auth/login/")))).isTrue();
		assertThat(this.rules.isAccountPath(from(MockServerHttpRequest.post("/api/auth/register")))).isFalse();
		assertThat(this.rules.isAccountPath(from(MockServerHttpRequest.get("/api/auth/login")))).isFalse();
	}

	private static MockServerHttpRequest from(MockServerHttpRequest.BaseBuilder<?> builder) {
		return builder.remoteAddress(new InetSocketAddress("10.0.0.9", 5555)).build();
	}

}
