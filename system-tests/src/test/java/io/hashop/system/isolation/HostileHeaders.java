package io.hashop.system.isolation;

import java.util.List;
import java.util.Random;

import static io.hashop.system.isolation.HostileValues.pick;

/**
 * Headers a hostile client sends: odd, repeated, forged, far too many or far too large.
 */
final class HostileHeaders {

	private static final List<String[]> ODD = List.of(new String[] { "Accept", "application/xml" },
			new String[] { "Accept", "text/html" }, new String[] { "Accept", "*/*;q=bogus" },
			new String[] { "Accept", "application/json;q=0" }, new String[] { "Accept-Charset", "utf-7" },
			new String[] { "Accept-Encoding", "gzip;q=2, br, zstd, x" },
			new String[] { "X-Forwarded-For", "127.0.0.1" },
			new String[] { "X-Forwarded-For", "::1, 10.0.0.1, garbage" },
			new String[] { "X-Forwarded-Proto", "gopher" }, new String[] { "X-Forwarded-Host", "evil.example" },
			new String[] { "Forwarded", "for=\"[::1]\";proto=https" },
			new String[] { "X-Original-URL", "/actuator/env" }, new String[] { "X-Rewrite-URL", "/actuator/env" },
			new String[] { "X-HTTP-Method-Override", "DELETE" }, new String[] { "Authorization", "Bearer abc.def.ghi" },
			new String[] { "Authorization", "Basic YWRtaW46YWRtaW4=" }, new String[] { "X-User-Id", "admin" },
			new String[] { "X-Roles", "ADMIN" }, new String[] { "Range", "bytes=0-1,2-3" },
			new String[] { "Content-Encoding", "gzip" }, new String[] { "Content-Encoding", "deflate, br" },
			new String[] { "X-Request-Id", "\u00ff\u00fe" }, new String[] { "X-Request-Id", "x".repeat(4000) },
			new String[] { "Origin", "http://evil.example" }, new String[] { "Upgrade", "h2c" },
			new String[] { "If-None-Match", "*" }, new String[] { "Cookie", "SESSION=" },
			new String[] { "Host", "evil.example" }, new String[] { "Expect", "200-ok" },
			new String[] { "TE", "trailers" });

	private HostileHeaders() {
	}

	static void odd(Random random, HostileRequest request) {
		switch (random.nextInt(5)) {
			case 0 -> {
				String[] header = pick(random, ODD);
				request.header(header[0], header[1]);
			}
			case 1 -> {
				// Many small headers, each within every limit.
				int count = 50 + random.nextInt(250);
				for (int i = 0; i < count; i++) {
					request.header("X-Many-" + i, HostileValues.letters(random, 8));
				}
			}
			case 2 -> {
				String[] header = pick(random, ODD);
				request.header(header[0], header[1]).header(header[0], header[1] + "-again");
			}
			case 3 -> request.header("X-Odd", pick(random, HostileValues.BYTES));
			default -> request.header(pick(random, List.of("X-Odd", "Accept", "X-Request-Id", "Idempotency-Key")),
					"\u00e9\u00ff\u0001\u007f");
		}
	}

	/** Headers over the gateway's 16 KB limit: one large one, or many adding up. */
	static void oversized(Random random, HostileRequest request) {
		int size = 17 * 1024 + random.nextInt(random.nextInt(5) == 0 ? 48 * 1024 : 12 * 1024);
		if (random.nextBoolean()) {
			request.header(pick(random, List.of("X-Filler", "Cookie", "Accept", "Idempotency-Key", "X-XSRF-TOKEN")),
					HostileValues.letters(random, size));
		}
		else {
			for (int written = 0; written < size; written += 1000) {
				request.header("X-Filler-" + written, HostileValues.letters(random, 990));
			}
		}
	}

	static void cookie(Random random, HostileRequest request) {
		request.sessionCookies = false;
		String value = pick(random, List.of("", "garbage", "../../etc/passwd", "%00", "\"quoted\"", "a;b",
				"x".repeat(8_000), "MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw", "null", "$(id)"));
		String cookie = switch (random.nextInt(3)) {
			case 0 -> "SESSION=" + value;
			case 1 -> (request.session != null ? "SESSION=" + request.session.sessionCookie() + "; " : "") + "SESSION="
					+ value + "; XSRF-TOKEN=" + value;
			default -> "XSRF-TOKEN=" + value + "; SESSION=" + value + "; SESSION=" + value;
		};
		request.header("Cookie", cookie);
		if (random.nextBoolean()) {
			request.header("Cookie", "SESSION=" + value);
		}
	}

	static void xsrf(Random random, HostileRequest request, List<Session> sessions) {
		request.xsrfHeader = false;
		switch (random.nextInt(5)) {
			case 0 -> {
				// none
			}
			case 1 -> request.header("X-XSRF-TOKEN", "");
			case 2 -> request.header("X-XSRF-TOKEN", pick(random, sessions).xsrfToken() + "x");
			case 3 -> request.header("X-XSRF-TOKEN", pick(random, HostileValues.BYTES));
			default -> request.header("X-XSRF-TOKEN", "forged").header("X-XSRF-TOKEN", "forged-again");
		}
		if (request.route == Route.LOGOUT || request.route == Route.PLACE_ORDER) {
			return;
		}
		if (request.session != null && random.nextBoolean()) {
			// The right token, but repeated: no session may end this way, so not on
			// logout.
			request.header("X-XSRF-TOKEN", request.session.xsrfToken());
		}
	}

}
