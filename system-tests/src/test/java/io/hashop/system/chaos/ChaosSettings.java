package io.hashop.system.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A chaos run's settings, from the system properties Failsafe passes on (see
 * system-tests/pom.xml and chaos.sh); a property left blank takes the default.
 *
 * @param duration {@code hashop.chaos.duration}: how long traffic and faults run
 * @param faultInterval {@code hashop.chaos.fault-interval}: the pause after each fault
 * @param users {@code hashop.chaos.users}: simulated shoppers
 * @param seed {@code hashop.chaos.seed}: repeats a run's fault plan; random by default
 * @param report {@code hashop.chaos.report}: where the Markdown report goes
 * @param logs {@code hashop.chaos.logs}: where the processes' logs go
 * @param command {@code hashop.chaos.command}: the command quoted in the report
 * @param repositoryRoot {@code hashop.repository.root}: where the service jars were built
 */
record ChaosSettings(Duration duration, Duration faultInterval, int users, long seed, Path report, Path logs,
		String command, Path repositoryRoot) {

	static ChaosSettings fromSystemProperties() {
		String seed = property("hashop.chaos.seed", "");
		return new ChaosSettings(Duration.parse(property("hashop.chaos.duration", "PT90S")),
				Duration.parse(property("hashop.chaos.fault-interval", "PT15S")),
				Integer.parseInt(property("hashop.chaos.users", "6")),
				seed.isEmpty() ? ThreadLocalRandom.current().nextLong(1_000_000) : Long.parseLong(seed),
				Path.of(property("hashop.chaos.report", "target/chaos-report.md")).toAbsolutePath(),
				Path.of(property("hashop.chaos.logs", "target/chaos-logs")).toAbsolutePath(),
				property("hashop.chaos.command", "./mvnw -pl system-tests verify (Failsafe execution chaos)"),
				Path.of(property("hashop.repository.root", "..")).toAbsolutePath().normalize());
	}

	/**
	 * The fewest accepted orders a run must have to mean anything: one per shopper and
	 * half-minute on average, faults included.
	 */
	long minimumAcceptedOrders() {
		return Math.max(10, this.users * this.duration.toSeconds() / 30);
	}

	/**
	 * The end of the run without new faults: one interval, at most half the run.
	 */
	Duration quietTail() {
		Duration half = this.duration.dividedBy(2);
		return (this.faultInterval.compareTo(half) < 0) ? this.faultInterval : half;
	}

	private static String property(String name, String fallback) {
		String value = System.getProperty(name, "").trim();
		// An unset Maven property arrives verbatim as ${...}.
		return (value.isEmpty() || value.startsWith("${")) ? fallback : value;
	}

}
