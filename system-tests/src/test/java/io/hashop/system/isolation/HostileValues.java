package io.hashop.system.isolation;

import java.util.List;
import java.util.Random;

/** The raw material of hostile requests: values, strings and bytes clients get wrong. */
final class HostileValues {

	/** JSON values of every type and range, as they appear in a body. */
	static final List<String> JSON_VALUES = List.of("\"text\"", "\"\"", "0", "-1", "1.5", "-0", "true", "false", "null",
			"[]", "{}", "[1,2]", "{\"a\":1}", "1e309", "-1e309", "1e-400", "9223372036854775807", "9223372036854775808",
			"-9223372036854775809", "2147483648", "-2147483649", "99999999999999999999999999999999999999", "0x10",
			"NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"",
			"\"\\uZZZZ\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"", "\"${jndi:ldap://127.0.0.1/x}\"",
			"\"../../etc/passwd\"", "\"%00\"", "\"\\\"\"", "\"\u202e\u0000\"", "\"\ud83d\ude00\"", "\"a@b\"", "\"@\"",
			"\"admin@hashop.local\"", "[null]", "[[[[[]]]]]", "{\"$gt\":\"\"}", "\"1\"", "\"-1\"", "\"1e3\"", "1E+2",
			"-9.9e-9");

	/** Raw byte sequences that are not valid UTF-8, or are suspicious when they are. */
	static final List<byte[]> BYTES = List.of(new byte[] { (byte) 0xC0, (byte) 0xAE },
			new byte[] { (byte) 0xC0, (byte) 0x80 }, new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
			new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
			new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xFF },
			new byte[] { (byte) 0xFE, (byte) 0xFF }, new byte[] { 0 }, new byte[] { (byte) 0x80 },
			new byte[] { (byte) 0xC3 }, new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
			new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, new byte[] { 0x1B, '[', '2', 'J' });

	/** Identifiers of an order that is missing, foreign or not an identifier at all. */
	static final List<String> IDS = List.of("0", "-1", "abc", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
			"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "00000000-0000-4000-8000-00000000000", "%00", "%2e%2e", "..",
			"%252e%252e", "1e3", "9223372036854775808", "%C0%AE", "%ff", "a%20b", "null", "undefined", "'%20OR%201=1",
			"00000000-0000-4000-8000-000000000000x", "{id}", "%7Bid%7D", "..%2f..%2factuator");

	/** Idempotency keys outside 1-64 of [A-Za-z0-9_-]. */
	static final List<String> KEYS = List.of("", " ", "a b", "key!", "../x", "a;b", "*", "a,b",
			"\u043a\u043b\u044e\u0447", "%41", "a\\b", "\"quoted\"", "key\u0000", "-".repeat(65), "k".repeat(1000),
			"<k>", "${k}");

	/** Values of {@code limit}, mostly out of 1-100 or not numbers. */
	static final List<String> LIMITS = List.of("0", "-1", "101", "1000000", "abc", "1.5", "1e2", "", "%00",
			"99999999999999999999", "-2147483649", "2147483648", "+5", "0x10", "%2B5", "5%20", "NaN", "null");

	/** Values of {@code cursor} an order-service never issued. */
	static final List<String> CURSORS = List.of("", "x", "!!!", "%00", "%ff", "AAAA", "AAAAAAAAAAAAAAAAAAAAAA",
			"eyJhIjoxfQ", "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA", "LTkyMjMzNzIwMzY4NTQ3NzU4MDg", "OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
			"%2F%2F%2F%2F", "a/b", "====", "_-_-", "A".repeat(5000), "MA==", "bnVsbA", "LTE6MDAwMDA");

	private HostileValues() {
	}

	static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	static String letters(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

}
