package io.hashop.launcher.process;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the supervisor knows of one instance.
 *
 * @param name the process name
 * @param state its state
 * @param pid the current process id, empty when none runs
 * @param restarts how many times the supervisor restarted it
 * @param lastExit how the last process ended, empty before the first exit
 * @param since when it entered {@code state}
 */
public record InstanceStatus(String name, InstanceState state, OptionalLong pid, int restarts,
		Optional<ExitRecord> lastExit, Instant since) {

	/**
	 * How a process ended.
	 *
	 * @param code the exit code; 128 + n for signal n (137 for SIGKILL)
	 * @param at when it was seen
	 */
	public record ExitRecord(int code, Instant at) {

		String describe() {
			return switch (this.code) {
				case 137 -> "137 (SIGKILL)";
				case 143 -> "143 (SIGTERM)";
				default -> String.valueOf(this.code);
			};
		}

	}

}
