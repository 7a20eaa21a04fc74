package io.hashop.system.chaos;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the report says about the run itself, so that a figure can be quoted with its
 * machine, date and command.
 *
 * @param startedAt when the traffic began
 * @param command the command that produced the report
 * @param duration how long traffic and faults ran
 * @param users simulated shoppers
 * @param faultInterval the pause between the end of one fault and the next
 * @param seed the seed of the fault plan and the shoppers' choices
 * @param drain how long it took after the traffic stopped until every order was terminal
 * @param historyDropped exchanges not kept because the history was full
 * @param restarts each instance's restarts by the launcher's supervisor
 * @param machine where it ran
 */
record RunFacts(Instant startedAt, String command, Duration duration, int users, Duration faultInterval, long seed,
		Duration drain, long historyDropped, Map<String, Integer> restarts, Machine machine) {

	/**
	 * The machine of the test JVM, which runs every process of the platform too.
	 *
	 * @param cpus available processors ({@code nproc})
	 * @param memoryBytes physical memory
	 * @param os operating system and version
	 * @param java the test JVM's version
	 */
	record Machine(int cpus, long memoryBytes, String os, String java) {

		static Machine current() {
			long memory = (ManagementFactory
				.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
						? os.getTotalMemorySize() : -1;
			return new Machine(Runtime.getRuntime().availableProcessors(), memory,
					System.getProperty("os.name") + " " + System.getProperty("os.version"),
					Runtime.version().toString());
		}

		String describe() {
			return "%d CPUs, %.1f GiB memory, %s, Java %s".formatted(this.cpus,
					this.memoryBytes / (1024.0 * 1024 * 1024), this.os, this.java);
		}

	}

}
