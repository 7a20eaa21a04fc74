package io.hashop.bench.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.hashop.bench.harness.Rounds;
import io.hashop.bench.platform.BenchPlatform;

/**
 * Runs S4 alone, without the platform:
 * {@code TransportTryout <JDK 21+ home> [rounds] [seconds]}.
 */
final class TransportTryout {

	private TransportTryout() {
	}

	public static void main(String[] args) {
		Path java = Path.of(args[0], "bin", "java");
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		Duration duration = Duration.ofSeconds((args.length > 2) ? Long.parseLong(args[2]) : 5);
		List<String> options = BenchPlatform.PRODUCTION_JVM_OPTIONS;
		new Rounds(rounds, duration, Duration.ofSeconds(5), Duration.ofSeconds(60), System.out)
			.run(TransportScenario.create(java, options));
		System.exit(0);
	}

}
