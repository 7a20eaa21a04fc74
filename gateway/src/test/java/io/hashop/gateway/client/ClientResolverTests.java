package io.hashop.gateway.client;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientResolverTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.9", 40000);

	@Test
	void usesTheSocketPeerAndIgnoresForwardedForWithoutTrustedProxies() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "203.0.113.7").build();

		assertThat(resolver(0).clientAddress(request)).isEqualTo("10.0.0.9");
	}

	@Test
	void takesTheEntryTheTrustedProxyAppended() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "6.6.6.6, 198.51.100.4").build();

		assertThat(resolver(1).clientAddress(request)).isEqualTo("198.51.100.4");
	}

	@Test
	void skipsAsManyEntriesAsThereAreTrustedProxiesBehindTheFirst() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "6.6.6.6, 198.51.100.4, 10.1.1.1").build();

		assertThat(resolver(2).clientAddress(request)).isEqualTo("198.51.100.4");
	}

	@Test
	void readsForwardedForSpreadOverSeveralHeaderLines() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "6.6.6.6")
			.header("X-Forwarded-For", "198.51.100.4")
			.build();

		assertThat(resolver(1).clientAddress(request)).isEqualTo("198.51.100.4");
	}

	@Test
	void usesTheLeftmostEntryWhenTheChainIsShorterThanTheProxies() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "198.51.100.4").build();

		assertThat(resolver(3).clientAddress(request)).isEqualTo("198.51.100.4");
	}

	@Test
	void fallsBackToTheSocketPeerWhenNoProxyForwarded() {
		assertThat(resolver(1).clientAddress(request().build())).isEqualTo("10.0.0.9");
	}

	@Test
	void skipsAnEntryThatIsNoIpAddressTowardsTheTrustedSide() {
		MockServerHttpRequest request = request().header("X-Forwarded-For", "evil.example.com, 198.51.100.4").build();

		assertThat(resolver(2).clientAddress(request)).isEqualTo("198.51.100.4");
		assertThat(resolver(1).clientAddress(request().header("X-Forwarded-For", "unknown").build()))
			.isEqualTo("10.0.0.9");
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

		assertThat(resolver(0).isSecure(request)).isTrue();
	}

	@Test
	void believesForwardedProtoOnlyFromTrustedProxies() {
		MockServerHttpRequest request = request().header("X-Forwarded-Proto", "https").build();

		assertThat(resolver(0).isSecure(request)).isFalse();
		assertThat(resolver(1).isSecure(request)).isTrue();
		assertThat(resolver(1).isSecure(request().header("X-Forwarded-Proto", "https, http").build())).isFalse();
	}

	@Test
	void readsTheConfiguredSessionCookie() {
		MockServerHttpRequest request = request().cookie(new HttpCookie("SESSION", "abc")).build();

		assertThat(resolver(0).sessionId(request)).isEqualTo("abc");
		assertThat(resolver(0).sessionId(request().build())).isNull();
		assertThat(resolver(0).sessionId(request().cookie(new HttpCookie("SESSION", "x".repeat(300))).build()))
			.isNull();
	}

	private static ClientResolver resolver(int trustedProxies) {
		return new ClientResolver(new ClientProperties(trustedProxies, "SESSION"));
	}

	private static MockServerHttpRequest.BaseBuilder<?> request() {
		return MockServerHttpRequest.get("/api/me").remoteAddress(PEER);
	}

}
