package io.hashop.system.isolation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static io.hashop.system.isolation.HostileRequest.utf8;
import static io.hashop.system.isolation.HostileValues.pick;

/** Request bodies a careful client never sends, derived from a route's base body. */
final class HostileBodies {

	private HostileBodies() {
	}

	/** One field of the base body (or of an order line) replaced by a hostile value. */
	static byte[] wrongField(Random random, Route route) {
		if (route == Route.PLACE_ORDER) {
			return utf8(wrongOrder(random));
		}
		String field = route.fields.isEmpty() ? "x" : pick(random, route.fields);
		String base = (route.body != null) ? route.body : "{}";
		String value = pick(random, HostileValues.JSON_VALUES);
		int at = base.indexOf("\"" + field + "\":");
		if (at < 0) {
			return utf8("{\"" + field + "\":" + value + "}");
		}
		int from = at + field.length() + 3;
		int to = valueEnd(base, from);
		return utf8(base.substring(0, from) + value + base.substring(to));
	}

	private static String wrongOrder(Random random) {
		String value = pick(random, HostileValues.JSON_VALUES);
		return switch (random.nextInt(6)) {
			case 0 -> "{\"items\":" + value + "}";
			case 1 -> "{\"items\":[{\"productId\":" + value + ",\"quantity\":1}]}";
			case 2 -> "{\"items\":[{\"productId\":1,\"quantity\":" + value + "}]}";
			case 3 -> "{\"items\":[" + value + "]}";
			case 4 -> "{\"items\":[" + "{\"productId\":1,\"quantity\":1},".repeat(50 + random.nextInt(400))
					+ "{\"productId\":2,\"quantity\":1}]}";
			default ->
				"{\"items\":[{\"productId\":1,\"quantity\":1,\"unitPriceCents\":" + value + "}],\"totalCents\":1}";
		};
	}

	private static int valueEnd(String json, int from) {
		if (json.charAt(from) == '"') {
			return json.indexOf('"', from + 1) + 1;
		}
		int depth = 0;
		for (int i = from; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '[' || c == '{') {
				depth++;
			}
			else if ((c == ']' || c == '}') && depth-- == 0 || c == ',' && depth == 0) {
				return i;
			}
		}
		return json.length();
	}

	/**
	 * Syntax that does not parse: truncated, stray or missing characters, wrong quoting.
	 */
	static byte[] broken(Random random, Route route) {
		String base = (route.body != null) ? route.body : "{\"a\":\"b\"}";
		return utf8(switch (random.nextInt(10)) {
			case 0 -> base.substring(0, random.nextInt(base.length()));
			case 1 -> base.substring(random.nextInt(base.length()));
			case 2 -> base.replaceFirst("\"", "");
			case 3 -> base.replace('"', '\'');
			case 4 -> base.replaceFirst("}$", ",}");
			case 5 -> "/* comment */" + base;
			case 6 -> base + base;
			case 7 -> "{\"a\":\"" + "\\".repeat(1 + random.nextInt(3)) + "u12";
			case 8 -> pick(random, java.util.List.of("", " ", "{", "}", "[", "]", "{,}", "{\"a\":}", "{\"a\" 1}", ":",
					"\"", "null", "[]", "1", "\"string\"", "true", "\u0000", "{}}", "{{}}", "[{]}"));
			default -> insertRandomCharacter(random, base);
		});
	}

	private static String insertRandomCharacter(Random random, String base) {
		int at = random.nextInt(base.length() + 1);
		String characters = "{}[]:,\"\\' \t\n0-e.";
		char c = characters.charAt(random.nextInt(characters.length()));
		return base.substring(0, at) + c + base.substring(at);
	}

	/** Arrays or objects nested deeper than any parser should follow, under 64 KB. */
	static byte[] deeplyNested(Random random) {
		int depth = 100 + random.nextInt(random.nextBoolean() ? 1_000 : 20_000);
		boolean objects = random.nextBoolean();
		String open = objects ? "{\"a\":" : "[";
		String close = objects ? "}" : "]";
		boolean closed = random.nextBoolean();
		return utf8(open.repeat(depth) + "1" + (closed ? close.repeat(depth) : ""));
	}

	/** The same key twice, or fields the API never asks a client for. */
	static byte[] extraFields(Random random, Route route) {
		String base = (route.body != null) ? route.body : "{}";
		String extra = pick(random, java.util.List.of("\"roles\":[\"ADMIN\"]", "\"isAdmin\":true", "\"userId\":\"x\"",
				"\"id\":\"00000000-0000-4000-8000-000000000000\"", "\"priceCents\":1", "\"__proto__\":{\"a\":1}",
				"\"@class\":\"java.lang.Runtime\"", "\"status\":\"PAID\"", "\"totalCents\":0"));
		if (random.nextBoolean() && !route.fields.isEmpty()) {
			String field = pick(random, route.fields);
			extra = "\"" + field + "\":" + pick(random, HostileValues.JSON_VALUES);
		}
		return utf8(base.equals("{}") ? "{" + extra + "}" : "{" + extra + "," + base.substring(1));
	}

	/** Bytes that are not UTF-8 (or are, in an unexpected form) inside a JSON string. */
	static byte[] badEncoding(Random random, Route route) {
		String base = (route.body != null) ? route.body : "{\"a\":\"b\"}";
		byte[] bytes = utf8(base);
		int quote = base.indexOf('"', base.indexOf(':') + 1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		switch (random.nextInt(4)) {
			case 0 -> {
				int at = (quote >= 0) ? quote + 1 : random.nextInt(bytes.length);
				out.write(bytes, 0, at);
				out.writeBytes(pick(random, HostileValues.BYTES));
				out.write(bytes, at, bytes.length - at);
			}
			case 1 -> out.writeBytes(base.getBytes(StandardCharsets.UTF_16));
			case 2 -> {
				out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
				out.writeBytes(bytes);
			}
			default -> out.writeBytes(base.replace("\"", "\"\u00e9\u00ff").getBytes(StandardCharsets.ISO_8859_1));
		}
		return out.toByteArray();
	}

	/** A body over the 64 KB limit: a long string in otherwise valid JSON. */
	static byte[] oversized(Random random) {
		int size = 65 * 1024 + random.nextInt(random.nextInt(10) == 0 ? 2 * 1024 * 1024 : 64 * 1024);
		return utf8("{\"email\":\"" + "x".repeat(size) + "\"}");
	}

}
