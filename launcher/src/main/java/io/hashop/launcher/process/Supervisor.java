package io.hashop.launcher.process;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.ServiceSpec;
import io.hashop.launcher.service.ServiceTable;

/**
 * Keeps the instances running, the way systemd or PM2 do: an instance that exits on its
 * own is restarted after a capped exponential backoff, a crash loop makes it give up and
 * say so, every change is printed and written to the status file. An instance is marked
 * ready only once it answers {@code /readyz}; the clients' health checks put it back in
 * rotation only then. Stopping drains stage by stage, the gateway first.
 */
public final class Supervisor implements AutoCloseable {

	private final RestartPolicy policy;

	private final boolean restartOnExit;

	private final StatusBoard board;

	/**
	 * Writers take the states and write them as one step, so the last write is the
	 * newest.
	 */
	private final Object boardWrite = new Object();

	private final PrintStream out;

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "supervisor");
		thread.setDaemon(true);
		return thread;
	});

	/** Read without this object's lock (the status file's writer reads it). */
	private final List<ServiceHandle> handles = new CopyOnWriteArrayList<>();

	private final Map<ServiceHandle, Deque<Instant>> recentRestarts = new HashMap<>();

	private volatile boolean stopping;

	private volatile boolean announcing;

	/**
	 * @param policy when to restart
	 * @param restartOnExit whether to restart at all; when off, an exit is only reported
	 * @param board where the states are kept for the user
	 * @param out where changes are printed
	 */
	public Supervisor(RestartPolicy policy, boolean restartOnExit, StatusBoard board, PrintStream out) {
		this.policy = policy;
		this.restartOnExit = restartOnExit;
		this.board = board;
		this.out = out;
	}

	/**
	 * Takes an instance under supervision and starts it without waiting; start order is
	 * stop order reversed. Atomic with {@link #stopAll}, so a Ctrl-C during start-up
	 * either finds the new process or prevents it.
	 */
	public synchronized void start(ServiceHandle handle) {
		add(handle);
		handle.launch(Map.of());
	}

	/** Takes an instance under supervision without starting it. */
	synchronized void add(ServiceHandle handle) {
		if (this.stopping) {
			throw new LauncherException("Stopped while starting " + handle.name() + ".");
		}
		this.handles.add(handle);
		handle.supervisedBy(this);
	}

	public List<ServiceHandle> handles() {
		return List.copyOf(this.handles);
	}

	public boolean isStopping() {
		return this.stopping;
	}

	/** From now on every change is printed, not only written to the status file. */
	public void announceChanges() {
		this.announcing = true;
	}

	/** A process was started: watch it until it is ready. */
	void launched(ServiceHandle handle, ServiceProcess process) {
		this.scheduler.execute(() -> {
			try {
				if (handle.readiness().awaitAll(List.of(process)).isEmpty()) {
					handle.markReadyIf(process);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	/** A process exited without being asked to: restart it, or give up. */
	void exited(ServiceHandle handle) {
		InstanceStatus status = handle.status();
		String exit = status.lastExit().map(InstanceStatus.ExitRecord::describe).orElse("?");
		if (this.stopping) {
			handle.changeState(InstanceState.STOPPED);
			return;
		}
		if (!this.restartOnExit) {
			handle.changeState(InstanceState.EXITED);
			return;
		}
		Duration wait;
		int exits;
		synchronized (this) {
			Deque<Instant> recent = this.recentRestarts.computeIfAbsent(handle, (key) -> new ArrayDeque<>());
			Instant now = Instant.now();
			exits = recent.size() + 1;
			wait = this.policy.isCrashLoop(recent, now) ? null : this.policy.backoff(recent.size());
			if (wait != null) {
				recent.addLast(now);
			}
		}
		// States change outside this object's lock: the status file's writer takes it.
		if (wait == null) {
			this.out.println("[supervisor] GAVE UP on " + handle.name() + ": it exited " + exits + " times within "
					+ this.policy.crashLoopWindow().toSeconds() + " s (last exit code " + exit
					+ "). It stays down; see " + handle.log());
			handle.changeState(InstanceState.FAILED);
			return;
		}
		this.out.println("[supervisor] " + handle.name() + " exited with code " + exit + "; restarting in "
				+ wait.toMillis() + " ms");
		handle.changeState(InstanceState.BACKING_OFF);
		this.scheduler.schedule(() -> relaunch(handle), wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void relaunch(ServiceHandle handle) {
		if (this.stopping) {
			return;
		}
		try {
			handle.relaunch();
		}
		catch (RuntimeException ex) {
			this.out.println("[supervisor] could not restart " + handle.name() + ": " + ex.getMessage());
			exited(handle);
		}
	}

	/** A state changed: print it once running, and rewrite the status file. */
	void changed(ServiceHandle handle) {
		InstanceStatus status = handle.status();
		if (this.announcing && !this.stopping) {
			this.out.println("[supervisor] " + StatusBoard.line(status));
		}
		writeBoard();
	}

	public List<InstanceStatus> statuses() {
		return handles().stream().map(ServiceHandle::status).toList();
	}

	/**
	 * Stops every instance, newest stage first (the gateway drains before the BFFs, the
	 * BFFs before the services), the instances of a stage together, each with a grace
	 * period; safe to call twice.
	 */
	public void stopAll(Duration grace) {
		List<ServiceHandle> all;
		synchronized (this) {
			this.stopping = true;
			all = List.copyOf(this.handles);
		}
		this.scheduler.shutdownNow();
		List<List<ServiceSpec>> stages = ServiceTable.stages(all.stream().map(ServiceHandle::spec).toList());
		for (int i = stages.size() - 1; i >= 0; i--) {
			List<ServiceSpec> stage = stages.get(i);
			List<Thread> stopping = all.stream().filter((handle) -> stage.contains(handle.spec())).map((handle) -> {
				Thread thread = new Thread(() -> handle.stop(grace), "stop-" + handle.name());
				thread.start();
				return thread;
			}).toList();
			for (Thread thread : stopping) {
				joinQuietly(thread);
			}
		}
		writeBoard();
	}

	/**
	 * Rewrites the status file with the states as they are now. Two threads whose changes
	 * race (an instance started, then exited at once) could otherwise leave the older
	 * picture in the file.
	 */
	private void writeBoard() {
		synchronized (this.boardWrite) {
			this.board.write(statuses());
		}
	}

	private static void joinQuietly(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		stopAll(Duration.ofSeconds(25));
	}

}
