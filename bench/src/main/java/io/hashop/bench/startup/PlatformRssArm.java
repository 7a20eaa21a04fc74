package io.hashop.bench.startup;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Measurement;
import io.hashop.launcher.LocalPlatform;
import io.hashop.launcher.process.ServiceHandle;

/**
 * The resident memory of every process of the bench platform as it stands (after the load
 * of the scenarios before), sampled once a second over the run: the highest sample per
 * process and the total. A process that is not running counts as a failure. It reports no
 * {@code req/s}, so the harness's warm-up only samples it until its limit.
 */
final class PlatformRssArm implements Arm {

	static final String TOTAL = "total RSS MiB";

	private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

	private final LocalPlatform platform;

	PlatformRssArm(LocalPlatform platform) {
		this.platform = platform;
	}

	@Override
	public boolean needsWarmUp() {
		// Every run starts processes afresh: there is nothing to warm up.
		return false;
	}

	@Override
	public String name() {
		return "running platform";
	}

	@Override
	public String description() {
		return "VmRSS of each process of the bench platform (warm, after the scenarios run before), "
				+ "the highest of one sample a second";
	}

	@Override
	public Measurement run(Duration duration) throws IOException, InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		Map<String, Double> highest = new LinkedHashMap<>();
		long failures = 0;
		do {
			failures = 0;
			for (ServiceHandle process : this.platform.processes()) {
				OptionalLong pid = process.status().pid();
				double rss = pid.isPresent() ? ProcFiles.rssMiB(pid.getAsLong()) : 0;
				failures += pid.isPresent() ? 0 : 1;
				highest.merge(StartupArm.rss(process.name()), rss, Math::max);
			}
			Thread.sleep(SAMPLE_EVERY.toMillis());
		}
		while (System.nanoTime() < end);
		Map<String, Double> figures = new LinkedHashMap<>(highest);
		figures.put(TOTAL, highest.values().stream().mapToDouble(Double::doubleValue).sum());
		return new Measurement(figures, failures);
	}

}
