package io.hashop.system.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One fault every interval, the next one planned by the {@link FaultPlan}. The interval
 * runs from the end of one fault's action to the next fault (a fixed delay, not a fixed
 * rate), so that a slow restart does not make faults pile up; a kill waits until its
 * service has all its instances ready again.
 */
final class FaultSchedule {

	private final FaultPlan plan;

	private final FaultInjector injector;

	private final RunClock clock;

	private final PrintStream log;

	private final List<Fault> faults = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fault-schedule").factory());

	private volatile boolean stopping;

	FaultSchedule(FaultPlan plan, FaultInjector injector, RunClock clock, PrintStream log) {
		this.plan = plan;
		this.injector = injector;
		this.clock = clock;
		this.log = log;
	}

	void start(Duration interval) {
		this.scheduler.scheduleWithFixedDelay(this::injectNext, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Lets a fault in progress finish (a broker restart must not be cut in half), then
	 * starts no more.
	 */
	void stop(Duration timeout) throws InterruptedException {
		this.stopping = true;
		this.scheduler.shutdown();
		if (!this.scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.scheduler.shutdownNow();
		}
	}

	List<Fault> faults() {
		return List.copyOf(this.faults);
	}

	private void injectNext() {
		PlannedFault planned = this.plan.next();
		String notReady = this.injector.awaitTargetReady(planned);
		if (this.stopping) {
			return;
		}
		long start = this.clock.nanos();
		Instant startedAt = this.clock.wall();
		String target = (planned.module() != null) ? planned.module() : planned.kind().name().toLowerCase();
		String note = notReady;
		try {
			target = this.injector.inject(planned, this.plan);
		}
		catch (RuntimeException ex) {
			// Recorded, not thrown: an exception would silently cancel the schedule.
			note = (note.isEmpty() ? "" : note + "; ") + "the fault itself failed: " + ex;
		}
		Fault fault = new Fault(planned.kind(), target, start, this.clock.nanos(), startedAt, this.clock.wall(), note);
		this.faults.add(fault);
		this.log.printf("chaos: +%.1f s %s %s (%d ms)%s%n", start / 1e9, fault.kind().label(), fault.target(),
				fault.durationNanos() / 1_000_000, note.isEmpty() ? "" : " " + note);
	}

}
