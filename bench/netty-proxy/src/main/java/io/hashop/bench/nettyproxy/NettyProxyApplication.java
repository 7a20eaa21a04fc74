package io.hashop.bench.nettyproxy;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * A reverse proxy made of a Reactor Netty {@code HttpServer} and {@code HttpClient} and
 * nothing else: no Spring, no filters, no routes, no metrics. Benchmarks S1 and S2 run it
 * beside nginx and Spring Cloud Gateway in front of the same BFF: it is the thinnest
 * proxy the JVM stack (Netty, Reactor) can be, so it tells what the JVM itself costs
 * against nginx, what Spring Cloud Gateway adds on top of it, and what a thinner edge
 * would buy.
 * <p>
 * Reads {@code SERVER_PORT} (listens on 127.0.0.1) and {@code UPSTREAM} (such as
 * {@code http://localhost:8081}). Every request is passed on as it came (method, path and
 * query, headers, body streamed) except for the hop-by-hop headers, with
 * {@code X-Forwarded-For} set to the client's address and {@code Host} kept as the client
 * sent it, like the nginx arm ({@code proxy_set_header}); the answer comes back the same
 * way. The upstream connections are pooled and kept alive. An upstream that cannot be
 * reached gives 502.
 */
public final class NettyProxyApplication {

	private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");

	/** Those of RFC 2616 section 13.5.1; {@code Proxy-*} are checked apart. */
	private static final AsciiString[] HOP_BY_HOP = { HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
			HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE, HttpHeaderNames.TE, HttpHeaderNames.TRAILER };

	private static final AsciiString[] CLIENT_DEFAULTS = { HttpHeaderNames.HOST, HttpHeaderNames.USER_AGENT,
			HttpHeaderNames.ACCEPT };

	private NettyProxyApplication() {
	}

	public static void main(String[] args) {
		int port = Integer.parseInt(environment("SERVER_PORT", "8092"));
		String upstream = environment("UPSTREAM", "http://127.0.0.1:8081");
		// Twice the benchmarks' 32 client connections, so that no request waits for one;
		// idle ones are dropped before Tomcat's keep-alive timeout drops them.
		ConnectionProvider connections = ConnectionProvider.builder("upstream")
			.maxConnections(64)
			.maxIdleTime(Duration.ofSeconds(20))
			.build();
		HttpClient client = HttpClient.create(connections).baseUrl(upstream);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.handle((request, response) -> proxy(client, request, response))
			.bindNow();
		System.out.println("Reactor Netty proxy on " + server.address() + " in front of " + upstream);
		server.onDispose().block();
	}

	private static Publisher<Void> proxy(HttpClient client, HttpServerRequest request, HttpServerResponse response) {
		String uri = request.uri();
		if (!uri.startsWith("/")) {
			// An absolute URI would send the request elsewhere than UPSTREAM.
			return response.status(HttpResponseStatus.BAD_REQUEST).send();
		}
		return client.request(request.method()).uri(uri).send((upstreamRequest, outbound) -> {
			HttpHeaders headers = upstreamRequest.requestHeaders();
			HttpHeaders received = request.requestHeaders();
			for (AsciiString name : CLIENT_DEFAULTS) {
				if (received.contains(name)) {
					headers.remove(name);
				}
			}
			copyEndToEnd(received, headers);
			if (headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
				// Reactor Netty chose chunked before it saw the client's length.
				headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
			}
			headers.set(X_FORWARDED_FOR, clientAddress(request.remoteAddress()));
			return outbound.send(request.receive().retain());
		}).response((upstreamResponse, body) -> {
			response.status(upstreamResponse.status());
			copyEndToEnd(upstreamResponse.responseHeaders(), response.responseHeaders());
			return response.send(body.retain());
		}).then().onErrorResume((ex) -> badGateway(response, ex));
	}

	private static Mono<Void> badGateway(HttpServerResponse response, Throwable ex) {
		if (response.hasSentHeaders()) {
			// Too late for a status: the connection closes, the client sees a cut body.
			return Mono.error(ex);
		}
		response.responseHeaders().clear();
		return response.status(HttpResponseStatus.BAD_GATEWAY)
			.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
			.sendString(
					Mono.just("502 Bad Gateway: the upstream did not answer (" + ex.getClass().getSimpleName() + ")\n"))
			.then();
	}

	/**
	 * Adds every header but the hop-by-hop ones: those of {@link #HOP_BY_HOP}, any
	 * {@code Proxy-*} and those the {@code Connection} header names.
	 */
	private static void copyEndToEnd(HttpHeaders from, HttpHeaders to) {
		String connection = from.get(HttpHeaderNames.CONNECTION);
		Iterator<Map.Entry<CharSequence, CharSequence>> headers = from.iteratorCharSequence();
		while (headers.hasNext()) {
			Map.Entry<CharSequence, CharSequence> header = headers.next();
			CharSequence name = header.getKey();
			if (!isHopByHop(name) && (connection == null || !isListed(name, connection))) {
				to.add(name, header.getValue());
			}
		}
	}

	private static boolean isHopByHop(CharSequence name) {
		for (AsciiString hopByHop : HOP_BY_HOP) {
			if (hopByHop.contentEqualsIgnoreCase(name)) {
				return true;
			}
		}
		return name.length() > 6 && AsciiString.regionMatches(name, true, 0, "proxy-", 0, 6);
	}

	private static boolean isListed(CharSequence name, String connection) {
		for (String token : connection.split(",")) {
			if (AsciiString.contentEqualsIgnoreCase(name, token.trim())) {
				return true;
			}
		}
		return false;
	}

	private static String clientAddress(SocketAddress address) {
		if (address instanceof InetSocketAddress inet) {
			return (inet.getAddress() != null) ? inet.getAddress().getHostAddress() : inet.getHostString();
		}
		return String.valueOf(address);
	}

	private static String environment(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value.trim() : fallback;
	}

}
