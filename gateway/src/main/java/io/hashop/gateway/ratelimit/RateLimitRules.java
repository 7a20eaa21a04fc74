package io.hashop.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.hashop.gateway.client.ClientResolver;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which quotas a request is charged to. A POST to an auth path: its client IP's quota for
 * that path only. Anything else: its session's quota (the client IP's when it has no
 * session cookie, so this is per session rather than per account) and its client IP's
 * ceiling, so inventing session cookies buys no more than the ceiling.
 */
class RateLimitRules {

	private final ClientResolver clients;

	private final RateLimitProperties properties;

	private final Set<String> authPaths;

	RateLimitRules(ClientResolver clients, RateLimitProperties properties) {
		this.clients = clients;
		this.properties = properties;
		this.authPaths = Set.copyOf(properties.authPaths());
	}

	List<Quota> quotasFor(ServerHttpRequest request) {
		String path = withoutTrailingSlash(request.getPath().value());
		String ip = this.clients.clientAddress(request);
		if (HttpMethod.POST.equals(request.getMethod()) && this.authPaths.contains(path)) {
			return List.of(new Quota("auth", "auth:" + path + ":" + ip, this.properties.authLimit(),
					this.properties.authWindow()));
		}
		String session = this.clients.sessionId(request);
		String user = (session != null) ? "user:" + digest(session) : "user-ip:" + ip;
		return List.of(new Quota("user", user, this.properties.userLimit(), this.properties.window()),
				new Quota("ip", "ip:" + ip, this.properties.ipLimit(), this.properties.window()));
	}

	private static String withoutTrailingSlash(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	/** Session ids are secrets: only a digest of one becomes a key. */
	private static String digest(String session) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
