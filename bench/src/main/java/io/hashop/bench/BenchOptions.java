package io.hashop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./bench.sh [S1 S2 ...] [--rounds N] [--seconds N] [--warm-up-limit N] [--smoke]
 * [--launcher-flags]}.
 */
record BenchOptions(List<String> scenarios, int rounds, Duration duration, Duration warmUpLimit, boolean launcherFlags,
		boolean smoke) {

	static final List<String> ALL = List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10");

	static BenchOptions parse(String... args) {
		List<String> scenarios = new ArrayList<>();
		int rounds = 3;
		Duration duration = Duration.ofSeconds(10);
		Duration warmUpLimit = Duration.ofSeconds(60);
		boolean launcherFlags = false;
		boolean smoke = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--rounds" -> rounds = positive(arg, value(args, ++i));
				case "--seconds" -> duration = Duration.ofSeconds(positive(arg, value(args, ++i)));
				case "--warm-up-limit" -> warmUpLimit = Duration.ofSeconds(Integer.parseInt(value(args, ++i)));
				case "--launcher-flags" -> launcherFlags = true;
				case "--smoke" -> smoke = true;
				default -> {
					String id = arg.toUpperCase(Locale.ROOT);
					if (!ALL.contains(id)) {
						throw new IllegalArgumentException(
								"Unknown scenario or option '" + arg + "'; scenarios are " + ALL + ".");
					}
					scenarios.add(id);
				}
			}
		}
		if (smoke) {
			return new BenchOptions(scenarios.isEmpty() ? List.of("S1") : scenarios, 1, Duration.ofSeconds(2),
					Duration.ZERO, launcherFlags, true);
		}
		return new BenchOptions(scenarios.isEmpty() ? ALL : scenarios, rounds, duration, warmUpLimit, launcherFlags,
				false);
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			throw new IllegalArgumentException(args[index - 1] + " needs a value.");
		}
		return args[index];
	}

	private static int positive(String option, String value) {
		int number = Integer.parseInt(value);
		if (number < 1) {
			throw new IllegalArgumentException(option + " must be at least 1, not " + value + ".");
		}
		return number;
	}

}
