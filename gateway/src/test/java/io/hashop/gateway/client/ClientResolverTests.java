package io.hashop.gateway.client;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientResolverTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.9", 40000);

	@Test
	void usesTheSocketPeerAndIgnoresForwardedForWithoutTrustedProxies() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "203.0.113.7").build();

		assertThat(resolver().clientAddress(request)).isEqualTo("10.0.0.9");
	}

	@Test
	void ignoresForwardedForFromAPeerOutsideTheTrustedRanges() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "203.0.113.7").build();

		// Any pod that can reach the gateway used to be believed with TRUSTED_PROXIES=1.
		assertThat(resolver("10.1.0.0/16").clientAddress(request)).isEqualTo("10.0.0.9");
		assertThat(resolver("10.0.0.8/32", "10.0.0.10").clientAddress(request)).isEqualTo("10.0.0.9");
	}

	@Test
	void takesTheEntryTheTrustedProxyAppended() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "6.6.6.6, 198.51.100.4").build();

		assertThat(resolver("10.0.0.0/24").clientAddress(request)).isEqualTo("198.51.100.4");
		assertThat(resolver("10.0.0.9").clientAddress(request)).isEqualTo("198.51.100.4");
	}

	@Test
	void walksPastEveryTrustedProxyFromTheRight() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "6.6.6.6, 198.51.100.4, 10.1.1.1").build();

		assertThat(resolver("10.0.0.0/8").clientAddress(request)).isEqualTo("198.51.100.4");
		// A hop outside the trusted ranges is the client, however many entries follow it.
		assertThat(resolver("10.0.0.0/24").clientAddress(request)).isEqualTo("10.1.1.1");
	}

	@Test
	void readsForwardedForSpreadOverSeveralHeaderLines() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "6.6.6.6")
			.header("X-Forwarded-For", "198.51.100.4")
			.build();

		assertThat(resolver("10.0.0.0/8").clientAddress(request)).isEqualTo("198.51.100.4");
	}

	@Test
	void usesTheLeftmostEntryWhenEveryHopIsTrusted() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "10.2.0.1, 10.3.0.1").build();

		assertThat(resolver("10.0.0.0/8").clientAddress(request)).isEqualTo("10.2.0.1");
	}

	@Test
	void fallsBackToTheSocketPeerWhenNoProxyForwarded() {
		assertThat(resolver("10.0.0.0/8").clientAddress(request().build())).isEqualTo("10.0.0.9");
	}

	@Test
	void stopsAtAnEntryThatIsNoIpAddress() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "198.51.100.4, evil.example.com").build();

		assertThat(resolver("10.0.0.0/8").clientAddress(request)).isEqualTo("10.0.0.9");
		assertThat(resolver("10.0.0.0/8")
			.clientAddress(request().header("X-Forwarded-For", "evil.example.com, 198.51.100.4").build()))
			.isEqualTo("198.51.100.4");
	}

	@Test
	void trustsIpv6ProxiesByPrefix() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/me")
			.remoteAddress(new InetSocketAddress("fd00:7::5", 40000))
			.header("X-Forwarded-For", "2001:db8::1")
			.build();

		assertThat(resolver("fd00:7::/64").clientAddress(request)).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(resolver("fd00:8::/64").clientAddress(request)).isEqualTo("fd00:7:0:0:0:0:0:5");
	}

	@Test
	void refusesACountOfProxiesAndARangeThatTrustsEveryone() {
		for (String value : new String[] { "1", "2", "0.0.0.0/0", "::/0", "10.0.0.0/33", "proxy.example.com",
				"10.0.0.1:80", "10.0.0.0/x" }) {
			assertThatIllegalArgumentException().as(value)
				.isThrownBy(() -> new ClientProperties(List.of(value), "SESSION"));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientProperties(List.of("1"), "SESSION"))
			.withMessageContaining("no longer a count");
	}

	@Test
	void failsTheStartWhenTrustedProxiesIsTheOldCount() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind("1"));
		assertThat(bind("").trustedProxies()).isEmpty();
		assertThat(bind("10.42.7.0/24, fd00:7::/64").trustedProxies()).containsExactly("10.42.7.0/24", "fd00:7::/64");
	}

	@Test
	void treatsTheOldDefaultZeroAsNoProxy() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "203.0.113.7").build();

		assertThat(resolver("0").clientAddress(request)).isEqualTo("10.0.0.9");
	}

	@Test
	void countsAnIpv6ClientUnderItsSlash64() {
		assertThat(ClientResolver.network("2001:db8:aa:bb:1:2:3:4")).isEqualTo("2001:db8:aa:bb::/64");
		assertThat(ClientResolver.network("2001:DB8:AA:BB::9")).isEqualTo("2001:db8:aa:bb::/64");
		assertThat(ClientResolver.network("198.51.100.4")).isEqualTo("198.51.100.4");
		assertThat(ClientResolver.network("0:0:0:0:0:ffff:c633:6404")).isEqualTo("198.51.100.4");
		assertThat(ClientResolver.network("unknown")).isEqualTo("unknown");
	}

	@Test
	void normalisesAddressesWithPortsAndBrackets() {
		assertThat(ClientResolver.ipLiteral("198.51.100.4:5555")).isEqualTo("198.51.100.4");
		assertThat(ClientResolver.ipLiteral("[2001:db8::1]:443")).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(ClientResolver.ipLiteral("2001:DB8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(ClientResolver.ipLiteral("010.001.000.001")).isEqualTo("10.1.0.1");
		assertThat(ClientResolver.ipLiteral("256.1.1.1")).isNull();
		assertThat(ClientResolver.ipLiteral("localhost")).isNull();
	}

	@Test
	void treatsTlsToTheGatewayAsSecure() {
		MockServerHttpRequest request = request().sslInfo(new SslInfo() {

			@Override
			public String getSessionId() {
				return "tls";
			}

			@Override
			public X509Certificate[] getPeerCertificates() {
				return null;
			}

		}).build();

		assertThat(resolver().isSecure(request)).isTrue();
	}

	@Test
	void believesForwardedProtoOnlyFromTrustedProxies() {
		MockServerHttpRequest request = request().header("X-Forwarded-Proto", "https").build();

		assertThat(resolver().isSecure(request)).isFalse();
		assertThat(resolver("10.1.0.0/16").isSecure(request)).isFalse();
		assertThat(resolver("10.0.0.0/16").isSecure(request)).isTrue();
		assertThat(resolver("10.0.0.0/16").isSecure(request().header("X-Forwarded-Proto", "https, http").build()))
			.isFalse();
	}

	@Test
	void readsTheConfiguredSessionCookie() {
		MockServerHttpRequest request = request().cookie(new HttpCookie("SESSION", "abc")).build();

		assertThat(resolver().sessionId(request)).isEqualTo("abc");
		assertThat(resolver().sessionId(request().build())).isNull();
		assertThat(resolver().sessionId(request().cookie(new HttpCookie("SESSION", "x".repeat(300))).build())).isNull();
	}

	private static ClientResolver resolver(String... trustedProxies) {
		return new ClientResolver(new ClientProperties(List.of(trustedProxies), "SESSION"));
	}

	private static ClientProperties bind(String trustedProxies) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(
				Map.of("hashop.gateway.trusted-proxies", trustedProxies));
		return new Binder(source).bindOrCreate("hashop.gateway", ClientProperties.class);
	}

	private static MockServerHttpRequest.BaseBuilder<?> request() {
		return MockServerHttpRequest.get("/api/me").remoteAddress(PEER);
	}

}
