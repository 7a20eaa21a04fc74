package io.hashop.gateway.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Resolves the client of a request. {@code X-Forwarded-For} is read from the right: the
 * socket peer and the last {@code trustedProxies - 1} entries are trusted proxies, the
 * entry before them is the client; anything further left was written by the client and is
 * ignored, so a spoofed header never yields a new identity.
 */
@Component
public class ClientResolver {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private static final int MAX_SESSION_LENGTH = 256;

	private final ClientProperties properties;

	public ClientResolver(ClientProperties properties) {
		this.properties = properties;
	}

	/** The client's IP address, normalised; {@code unknown} when the socket has none. */
	public String clientAddress(ServerHttpRequest request) {
		String peer = peerAddress(request);
		int trusted = this.properties.trustedProxies();
		if (trusted == 0) {
			return peer;
		}
		List<String> hops = new ArrayList<>(forwardedFor(request));
		hops.add(peer);
		for (int i = Math.max(0, hops.size() - 1 - trusted); i < hops.size(); i++) {
			String address = ipLiteral(hops.get(i));
			if (address != null) {
				return address;
			}
		}
		return peer;
	}

	/** Whether the client used TLS: to the gateway itself, or to a trusted proxy. */
	public boolean isSecure(ServerHttpRequest request) {
		if (request.getSslInfo() != null) {
			return true;
		}
		if (this.properties.trustedProxies() == 0) {
			return false;
		}
		List<String> protos = commaSeparated(request.getHeaders().getValuesAsList("X-Forwarded-Proto"));
		return !protos.isEmpty() && "https".equalsIgnoreCase(protos.get(protos.size() - 1));
	}

	/** The session cookie's value, or {@code null} without a plausible one. */
	public @Nullable String sessionId(ServerHttpRequest request) {
		HttpCookie cookie = request.getCookies().getFirst(this.properties.sessionCookie());
		if (cookie == null || !StringUtils.hasText(cookie.getValue())
				|| cookie.getValue().length() > MAX_SESSION_LENGTH) {
			return null;
		}
		return cookie.getValue();
	}

	private static String peerAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		return remote.getAddress().getHostAddress();
	}

	private static List<String> forwardedFor(ServerHttpRequest request) {
		return commaSeparated(request.getHeaders().getValuesAsList("X-Forwarded-For"));
	}

	private static List<String> commaSeparated(List<String> values) {
		List<String> result = new ArrayList<>();
		for (String value : values) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					result.add(part.trim());
				}
			}
		}
		return result;
	}

	/** The normalised IP literal in a forwarded entry, never a DNS lookup. */
	static @Nullable String ipLiteral(String entry) {
		String candidate = entry;
		if (candidate.startsWith("[")) {
			int end = candidate.indexOf(']');
			candidate = (end > 0) ? candidate.substring(1, end) : "";
		}
		else if (candidate.indexOf(':') == candidate.lastIndexOf(':') && candidate.indexOf(':') > 0) {
			candidate = candidate.substring(0, candidate.indexOf(':'));
		}
		if (IPV4.matcher(candidate).matches()) {
			return ipv4(candidate);
		}
		if (!candidate.contains(":") || !IPV6.matcher(candidate).matches()) {
			return null;
		}
		try {
			// A string with a colon is only ever parsed as an IPv6 literal: no DNS
			// lookup.
			return InetAddress.getByName(candidate).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static @Nullable String ipv4(String candidate) {
		String[] octets = candidate.split("\\.");
		StringBuilder normalised = new StringBuilder();
		for (String octet : octets) {
			int value = Integer.parseInt(octet);
			if (value > 255) {
				return null;
			}
			normalised.append((normalised.length() > 0) ? "." : "").append(value);
		}
		return normalised.toString();
	}

}
