package io.hashop.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Locale;

import io.hashop.gateway.error.EdgeRejectionException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 400 for a path or query that is not well-formed: a character outside those RFC
 * 3986 allows (raw {@code {}}, {@code |}, spaces, control characters, anything
 * non-ASCII), a {@code %} not followed by two hex digits, an encoded NUL, or
 * percent-encoded bytes that are not UTF-8. Then answers 404 for any path not in
 * canonical form, before routing: dot segments, empty segments, backslashes, semicolons
 * (path parameters) and encoded dots, slashes, backslashes or percent signs. The BFF's
 * server would normalise these, so {@code /api/../actuator} must never reach it.
 */
class CanonicalPathFilter implements WebFilter, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/** Unreserved, sub-delims, {@code :}, {@code @}, {@code /} and {@code ?}. */
	private static final BitSet ALLOWED_RAW = new BitSet(128);

	static {
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?".chars()
			.forEach(ALLOWED_RAW::set);
	}

	private static final String[] AMBIGUOUS = { "%2e", "%2f", "%5c", "%25", "\\", ";", "//" };

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		URI uri = exchange.getRequest().getURI();
		if (!isWellFormed(uri.getRawPath()) || !isWellFormed(uri.getRawQuery())) {
			return Mono.error(new EdgeRejectionException(HttpStatus.BAD_REQUEST, "The request URI is malformed."));
		}
		if (!isCanonical(uri.getRawPath())) {
			return Mono.error(new EdgeRejectionException(HttpStatus.NOT_FOUND, "There is nothing at this path."));
		}
		return chain.filter(exchange);
	}

	/**
	 * Whether a raw path or query holds only characters RFC 3986 allows there, and its
	 * percent-encoded bytes are UTF-8 without NUL. {@code null} (no query) is
	 * well-formed.
	 */
	static boolean isWellFormed(@Nullable String raw) {
		if (raw == null) {
			return true;
		}
		ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				int high = (i + 2 < raw.length()) ? Character.digit(raw.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(raw.charAt(i + 2), 16) : -1;
				if (low < 0 || (high == 0 && low == 0)) {
					return false;
				}
				decoded.write(high * 16 + low);
				i += 2;
			}
			else if (c < 128 && ALLOWED_RAW.get(c)) {
				decoded.write(c);
			}
			else {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(decoded.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	static boolean isCanonical(String rawPath) {
		if (rawPath == null || !rawPath.startsWith("/")) {
			return false;
		}
		String lower = rawPath.toLowerCase(Locale.ROOT);
		for (String ambiguous : AMBIGUOUS) {
			if (lower.contains(ambiguous)) {
				return false;
			}
		}
		for (String segment : rawPath.split("/")) {
			if (segment.equals(".") || segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

}
