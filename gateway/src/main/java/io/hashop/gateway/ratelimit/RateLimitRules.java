package io.hashop.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.hashop.gateway.client.ClientResolver;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which quotas a request is charged to. A POST to an auth path: its client IP's quota for
 * that path only (the account quota of a login is charged later, by
 * {@link LoginAccountLimitFilter}, once the body has been read). Anything else: its
 * session's quota (the client IP's when it has no session cookie, so this is per session
 * rather than per account) and its client IP's ceiling, so inventing session cookies buys
 * no more than the ceiling. A client IP is an IPv4 address or an IPv6 /64. The login
 * quotas are counted in Redis on every request; the others are batched (see
 * {@link BatchedCounts}).
 */
class RateLimitRules {

	private final ClientResolver clients;

	private final RateLimitProperties properties;

	private final Set<String> authPaths;

	private final Set<String> accountPaths;

	RateLimitRules(ClientResolver clients, RateLimitProperties properties) {
		this.clients = clients;
		this.properties = properties;
		this.authPaths = Set.copyOf(properties.authPaths());
		this.accountPaths = Set.copyOf(properties.accountPaths());
	}

	List<Quota> quotasFor(ServerHttpRequest request) {
		String path = withoutTrailingSlash(request.getPath().value());
		String ip = ClientResolver.network(this.clients.clientAddress(request));
		if (HttpMethod.POST.equals(request.getMethod()) && this.authPaths.contains(path)) {
			return List.of(new Quota("auth", "auth:" + path + ":" + ip, this.properties.authLimit(),
					this.properties.authWindow()));
		}
		String session = this.clients.sessionId(request);
		String user = (session != null) ? "user:" + digest(session) : "user-ip:" + ip;
		return List.of(new Quota("user", user, this.properties.userLimit(), this.properties.window(), true),
				new Quota("ip", "ip:" + ip, this.properties.ipLimit(), this.properties.window(), true));
	}

	/** Whether the account quota applies to this request. */
	boolean isAccountPath(ServerHttpRequest request) {
		return HttpMethod.POST.equals(request.getMethod())
				&& this.accountPaths.contains(withoutTrailingSlash(request.getPath().value()));
	}

	/**
	 * The quota of one account, keyed by a digest of its normalised e-mail address
	 * (trimmed and lower-cased, as user-service looks accounts up), never the address
	 * itself.
	 */
	Quota accountQuota(String email) {
		return new Quota("account", "account:" + digest(email.trim().toLowerCase(Locale.ROOT)),
				this.properties.accountLimit(), this.properties.accountWindow());
	}

	private static String withoutTrailingSlash(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * Session ids are secrets and e-mail addresses personal: only a digest becomes a key.
	 */
	static String digest(String session) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
