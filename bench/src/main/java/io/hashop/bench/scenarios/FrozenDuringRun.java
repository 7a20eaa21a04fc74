package io.hashop.bench.scenarios;

import java.time.Duration;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Measurement;
import io.hashop.bench.platform.BenchPlatform;

/** Another arm, measured while one process is frozen (SIGSTOP), thawed right after. */
record FrozenDuringRun(Arm arm, BenchPlatform platform, String process) implements Arm {

	@Override
	public String name() {
		return this.arm.name();
	}

	@Override
	public String description() {
		return this.arm.description();
	}

	@Override
	public void before() throws Exception {
		this.platform.freeze(this.process);
	}

	@Override
	public Measurement run(Duration duration) throws Exception {
		return this.arm.run(duration);
	}

	@Override
	public void after() throws Exception {
		this.platform.thaw(this.process);
	}

}
