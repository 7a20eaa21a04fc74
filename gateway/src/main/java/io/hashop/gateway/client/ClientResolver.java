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
 * Resolves the client of a request. Forwarding headers count only when the socket peer is
 * a trusted proxy ({@code hashop.gateway.trusted-proxies}, CIDRs). Then
 * {@code X-Forwarded-For} is walked from the right, past every entry that is itself a
 * trusted proxy: the first address that is not is the client. Entries further left were
 * written by the client and never count, so a spoofed header never yields a new identity.
 */
@Component
public class ClientResolver {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private static final int MAX_SESSION_LENGTH = 256;

	private final ClientProperties properties;

	private final TrustedProxies trustedProxies;

	public ClientResolver(ClientProperties properties) {
		this.properties = properties;
		this.trustedProxies = TrustedProxies.parse(properties.trustedProxies());
	}

	/** The client's IP address, normalised; {@code unknown} when the socket has none. */
	public String clientAddress(ServerHttpRequest request) {
		InetAddress peer = peer(request);
		if (peer == null) {
			return "unknown";
		}
		InetAddress client = peer;
		if (this.trustedProxies.contains(peer)) {
			List<String> hops = forwardedFor(request);
			for (int i = hops.size() - 1; i >= 0; i--) {
				InetAddress hop = address(ipLiteral(hops.get(i)));
				if (hop == null) {
					// No proxy writes this: stay with the last trusted hop.
					break;
				}
				client = hop;
				if (!this.trustedProxies.contains(hop)) {
					break;
				}
			}
		}
		return hostAddress(client);
	}

	/**
	 * The network a client address is counted under for rate limits: an IPv4 address
	 * itself, the /64 of an IPv6 address (one subscriber gets a whole /64, so its
	 * addresses are free to the client).
	 */
	public static String network(String clientAddress) {
		if (!clientAddress.contains(":")) {
			return clientAddress;
		}
		InetAddress address = address(clientAddress);
		if (address == null || address.getAddress().length != 16) {
			return (address != null) ? hostAddress(address) : clientAddress;
		}
		byte[] bytes = address.getAddress();
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < 8; i += 2) {
			prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
		}
		return prefix.append(":/64").toString();
	}

	/**
	 * Whether the client used TLS: to the gateway itself, or to a trusted proxy that says
	 * so in {@code X-Forwarded-Proto}.
	 */
	public boolean isSecure(ServerHttpRequest request) {
		if (request.getSslInfo() != null) {
			return true;
		}
		if (!this.trustedProxies.contains(peer(request))) {
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

	private static @Nullable InetAddress peer(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null) ? remote.getAddress() : null;
	}

	private static String hostAddress(InetAddress address) {
		String host = address.getHostAddress();
		int scope = host.indexOf('%');
		return (scope >= 0) ? host.substring(0, scope) : host;
	}

	/** The address of a normalised IP literal, never a DNS lookup. */
	private static @Nullable InetAddress address(@Nullable String literal) {
		if (literal == null || !(literal.contains(":") || IPV4.matcher(literal).matches())) {
			return null;
		}
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			return null;
		}
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
