package io.hashop.launcher.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

/**
 * The secrets shared by the processes of one run: from the environment, or fresh random
 * ones so that nothing guessable is ever used, even locally.
 *
 * @param internalTokenSecret signs the tokens the services send each other
 * @param adminEmail the admin account user-service creates
 * @param adminPassword its password
 */
public record Secrets(String internalTokenSecret, String adminEmail, String adminPassword) {

	static final String DEFAULT_ADMIN_EMAIL = "admin@hashop.local";

	private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	public static Secrets fromEnvironment(Map<String, String> env, Random random) {
		return new Secrets(valueOr(env, "INTERNAL_TOKEN_SECRET", urlSafe(random)),
				valueOr(env, "ADMIN_EMAIL", DEFAULT_ADMIN_EMAIL), valueOr(env, "ADMIN_PASSWORD", password(random)));
	}

	public static Secrets fromEnvironment(Map<String, String> env) {
		return fromEnvironment(env, new SecureRandom());
	}

	private static String valueOr(Map<String, String> env, String key, String fallback) {
		String value = env.get(key);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/** 36 random bytes make exactly 48 Base64 characters, without padding. */
	private static String urlSafe(Random random) {
		byte[] bytes = new byte[36];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String password(Random random) {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(LETTERS_AND_DIGITS.charAt(random.nextInt(LETTERS_AND_DIGITS.length())));
		}
		return password.toString();
	}

}
