package io.hashop.system.support;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the figures a test measured, one greppable line each:
 * {@code FIGURES <test>: k=v, ...}.
 */
public final class Figures {

	private Figures() {
	}

	public static void print(String test, Map<String, ?> figures) {
		System.out.println("FIGURES " + test + ": "
				+ figures.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.collect(Collectors.joining(", ")));
	}

}
