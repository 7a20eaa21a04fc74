package io.hashop.bench.load;

import java.time.Duration;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Measurement;

/** An arm measured by one wrk run of its load. */
public record WrkArm(String name, String description, Wrk wrk, Wrk.Load load) implements Arm {

	@Override
	public Measurement run(Duration duration) throws Exception {
		return this.wrk.run(this.load, duration);
	}

}
