package io.hashop.order.order;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded generator of cursors a client could craft: bad base64, wrong shapes and
 * lengths, negative, huge and out-of-range numbers, extra fields, non-canonical spellings
 * and cursors of another shape.
 */
final class HostileCursors {

	private static final String[] TIMESTAMPS = { "-1", "-9223372036854775808", "9223372036854775807",
			"9223372036854775808", "99999999999999999999999", "253402300800000000", "253402300799999999",
			"31556889864403199999999", "-62135596800000000", "0", "00", "007", "+5", " 5", "5 ", "1e9", "0x10", "NaN",
			"", "1.5", "١٢٣", "1700000000000000" };

	private HostileCursors() {
	}

	/** {@code count} cursors from a fixed seed. */
	static List<String> generate(long seed, int count) {
		Random random = new Random(seed);
		List<String> cursors = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			cursors.add(next(random));
		}
		return cursors;
	}

	private static String next(Random random) {
		String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
		String timestamp = TIMESTAMPS[random.nextInt(TIMESTAMPS.length)];
		return switch (random.nextInt(12)) {
			case 0 -> encode(timestamp + ":" + uuid);
			case 1 -> encode(timestamp + ":" + uuid + ":extra");
			case 2 -> encode(timestamp + ":" + uuid.toUpperCase());
			case 3 -> encode(timestamp);
			case 4 -> encode(uuid + ":" + timestamp);
			case 5 -> Base64.getUrlEncoder().encodeToString((timestamp + ":" + uuid).getBytes(StandardCharsets.UTF_8));
			case 6 -> Base64.getEncoder().encodeToString(randomBytes(random, 1 + random.nextInt(60)));
			case 7 -> randomText(random, 1 + random.nextInt(300));
			case 8 -> encode(randomText(random, 1 + random.nextInt(80)));
			case 9 -> encode("{\"createdAt\":" + timestamp + ",\"id\":\"" + uuid + "\"}");
			case 10 -> encode(timestamp + ":" + uuid).substring(0, 1 + random.nextInt(40));
			default ->
				encode(timestamp + ":" + uuid) + "=".repeat(random.nextInt(3)) + " %\u0000".charAt(random.nextInt(3));
		};
	}

	private static String encode(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
		}
		return text.toString();
	}

}
