package io.hashop.bench.startup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Measurement;

/**
 * Starts each chosen service once in one mode, one after the other, and reports the mean
 * seconds to ready ({@code ready s}) and resident memory once ready ({@code RSS MiB}),
 * the same per service, and the mean processor seconds used until ready ({@code CPU s}).
 * {@code req/s} is starts per second (1 / {@code ready s}), so that the harness's
 * warm-up, which waits for two steps within 5 % of each other, settles on it. The run's
 * duration is not used: a start takes as long as it takes.
 */
final class StartupArm implements Arm {

	static final String READY = "ready s";

	static final String RSS = "RSS MiB";

	static final String CPU = "CPU s";

	private final String name;

	private final String description;

	private final StartMode mode;

	private final List<String> modules;

	private final ExtraInstances instances;

	StartupArm(String name, String description, StartMode mode, List<String> modules, ExtraInstances instances) {
		this.name = name;
		this.description = description;
		this.mode = mode;
		this.modules = List.copyOf(modules);
		this.instances = instances;
	}

	static String ready(String module) {
		return module + " " + READY;
	}

	static String rss(String module) {
		return module + " " + RSS;
	}

	@Override
	public boolean needsWarmUp() {
		// Every run starts processes afresh: there is nothing to warm up.
		return false;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public Measurement run(Duration duration) throws Exception {
		Map<String, Double> figures = new LinkedHashMap<>();
		double readyTotal = 0;
		double rssTotal = 0;
		double cpuTotal = 0;
		for (String module : this.modules) {
			ExtraInstances.Start start = this.instances.measure(module, this.mode);
			figures.put(ready(module), start.readySeconds());
			figures.put(rss(module), start.rssMiB());
			readyTotal += start.readySeconds();
			rssTotal += start.rssMiB();
			cpuTotal += start.cpuSeconds();
		}
		double ready = readyTotal / this.modules.size();
		figures.put(READY, ready);
		figures.put(RSS, rssTotal / this.modules.size());
		figures.put(CPU, cpuTotal / this.modules.size());
		figures.put(Measurement.THROUGHPUT, 1 / ready);
		return new Measurement(figures, 0);
	}

}
