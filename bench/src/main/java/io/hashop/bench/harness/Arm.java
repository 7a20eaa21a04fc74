package io.hashop.bench.harness;

import java.time.Duration;

/**
 * One side of a comparison: something that can be measured for a given time, again and
 * again, interleaved with the other arms of its scenario.
 */
public interface Arm {

	String name();

	Measurement run(Duration duration) throws Exception;

	/** What this arm is, in one line of the report. */
	String description();

	/**
	 * Whether the arm needs warming up before its rounds: not when each run starts afresh
	 * (a process start-up).
	 */
	default boolean needsWarmUp() {
		return true;
	}

	/** Switches this arm's conditions on before a run (a service frozen, say). */
	default void before() throws Exception {
	}

	/** Puts back what {@link #before()} changed, whatever happened. */
	default void after() throws Exception {
	}

}
