package io.hashop.bench.transport;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.sun.management.OperatingSystemMXBean;

/**
 * Calls a transport from a fixed number of threads for a fixed time, counting the calls
 * made and failed, the wall-clock time and the CPU time of this whole process (client,
 * server, GC and JIT alike) over the same span.
 */
final class CallLoop {

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final int callers;

	private volatile boolean stopped;

	private final LongAdder calls = new LongAdder();

	private final LongAdder failures = new LongAdder();

	private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

	private CallLoop(int callers) {
		this.callers = callers;
	}

	static CallCount run(Transport transport, int callers, Duration duration) throws InterruptedException {
		return new CallLoop(callers).measure(transport, duration);
	}

	private CallCount measure(Transport transport, Duration duration) throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(this.callers);
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.callers; i++) {
			Thread thread = new Thread(() -> callUntilStopped(transport, ready, go), "caller-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
		ready.await();
		long cpuStart = OS.getProcessCpuTime();
		long start = System.nanoTime();
		go.countDown();
		Thread.sleep(duration.toMillis());
		this.stopped = true;
		for (Thread thread : threads) {
			thread.join();
		}
		long wallNanos = System.nanoTime() - start;
		long cpuNanos = OS.getProcessCpuTime() - cpuStart;
		Exception failure = this.firstFailure.get();
		return new CallCount(this.calls.sum(), this.failures.sum(), cpuNanos, wallNanos,
				(failure != null) ? failure.toString() : "");
	}

	private void callUntilStopped(Transport transport, CountDownLatch ready, CountDownLatch go) {
		ready.countDown();
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		while (!this.stopped) {
			try {
				transport.call();
				this.calls.increment();
			}
			catch (Exception ex) {
				this.failures.increment();
				this.firstFailure.compareAndSet(null, ex);
			}
		}
	}

}
