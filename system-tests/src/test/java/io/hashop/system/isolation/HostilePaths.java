package io.hashop.system.isolation;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import static io.hashop.system.isolation.HostileRequest.ascii;
import static io.hashop.system.isolation.HostileValues.pick;

/**
 * Request targets that try to escape, confuse or overflow routing: dot segments plain and
 * encoded, doubled and encoded slashes, matrix parameters, raw bytes, very long paths and
 * queries. None of them names a real product, so no trick can reach a real price.
 */
final class HostilePaths {

	private static final List<String> PREFIXES = List.of("/api/../", "/api/%2e%2e/", "/api/%2E%2E/", "//", "/api//",
			"/./", "/api/./", "/%2fapi/", "/api%2f", "/api/%252e%252e/", "/api;x=y/", "/api/.%2e/", "/API/", "\\api\\",
			"/api/%5c..%5c", "/api/..;/", "/actuator/../api/", "/api/actuator/", "/api/%00/");

	private static final List<String> SUFFIXES = List.of("/", "/..", "/.", "/%2e%2e", "/%2e", "//", "%2f", "%2F..%2F",
			";jsessionid=abc", ";a=b", ";", "/;/", "%00", "%", "%zz", "%G0", "%C0%AE%C0%AE", "%ef%bf%bd", "%20", "+",
			"#fragment", ".json", "/../../actuator/env", "/%2e%2e/%2e%2e/actuator/env", "~", "*", "/%u002e%u002e");

	private HostilePaths() {
	}

	static byte[] path(Random random, Route route) {
		String path = route.path.replaceFirst("\\?.*", "");
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		switch (random.nextInt(7)) {
			case 0 -> target.writeBytes(ascii(pick(random, PREFIXES) + path.substring(path.indexOf('/', 1) + 1)));
			case 1, 2 -> target.writeBytes(ascii(path + pick(random, SUFFIXES)));
			case 3 -> {
				target.writeBytes(ascii(path));
				target.writeBytes(pick(random, HostileValues.BYTES));
			}
			case 4 ->
				target.writeBytes(ascii(path + "/" + HostileValues.letters(random, 1_000 + random.nextInt(12_000))));
			case 5 -> target.writeBytes(ascii(pick(random,
					List.of("*", "http://evil.example" + path, "evil" + path, "/api/orders/%2e%2e%2f%2e%2e%2factuator",
							"/api" + "/..".repeat(50) + "/etc/passwd",
							path + "?" + "a=b&".repeat(2_000 + random.nextInt(3_000))))));
			default -> target.writeBytes(ascii(
					path.replace("/api/", "/api/" + pick(random, List.of(";x=1/", "%2e/", "./", "x/../", "%2F")))));
		}
		return target.toByteArray();
	}

	/** A query string with bad limits, bad cursors, or both repeated. */
	static String query(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> "?limit=" + pick(random, HostileValues.LIMITS);
			case 1 -> "?cursor=" + pick(random, HostileValues.CURSORS);
			case 2 -> "?limit=" + pick(random, HostileValues.LIMITS) + "&cursor=" + pick(random, HostileValues.CURSORS);
			case 3 -> "?limit=1&limit=2&cursor=a&cursor=b";
			default -> "?" + pick(random, List.of("limit", "cursor", "limit[]", "a")) + "="
					+ pick(random, List.of("%", "%zz", "%00", "%C0%AE", "a%20b", "x".repeat(9_000), "=", "&&&"));
		};
	}

}
