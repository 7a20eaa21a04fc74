package io.hashop.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.hashop.launcher.check.OrderSmokeCheck;
import io.hashop.launcher.check.SmokeCheck;
import io.hashop.launcher.infrastructure.Infrastructure;
import io.hashop.launcher.jdk.Jdk;
import io.hashop.launcher.jdk.JdkLocator;
import io.hashop.launcher.monitoring.LocalPrometheus;
import io.hashop.launcher.process.Readiness;
import io.hashop.launcher.process.RestartPolicy;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.launcher.process.ServiceProcess;
import io.hashop.launcher.process.StatusBoard;
import io.hashop.launcher.process.Supervisor;
import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.Ports;
import io.hashop.launcher.service.RepoLayout;
import io.hashop.launcher.service.Secrets;
import io.hashop.launcher.service.ServiceEnvironment;
import io.hashop.launcher.service.ServiceSpec;
import io.hashop.launcher.service.ServiceTable;

/**
 * Runs the whole platform locally, supervised:
 * {@code java -jar launcher/target/launcher-exec.jar [options]} from the repository root,
 * usually through {@code ./run-local.sh}.
 */
public final class Launcher {

	private static final Duration STOP_GRACE = Duration.ofSeconds(25);

	private static final int TAIL_LINES = 40;

	/** How long an order placed by the smoke check may take to be paid. */
	private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(30);

	private final Map<String, String> env;

	private final PrintStream out;

	private final RepoLayout layout;

	private final Console console;

	private Infrastructure infrastructure;

	private Supervisor supervisor;

	private LocalPrometheus monitoring;

	Launcher(Map<String, String> env, PrintStream out, RepoLayout layout) {
		this.env = env;
		this.out = out;
		this.layout = layout;
		this.console = new Console(out, layout);
	}

	public static void main(String[] args) {
		int exitCode;
		try {
			Arguments arguments = Arguments.parse(args);
			exitCode = new Launcher(System.getenv(), System.out, new RepoLayout(Path.of(""))).run(arguments);
		}
		catch (LauncherException ex) {
			System.err.println(ex.getMessage());
			exitCode = 1;
		}
		catch (InterruptedException ex) {
			exitCode = 1;
		}
		catch (RuntimeException ex) {
			System.err.println("The launcher failed unexpectedly:");
			ex.printStackTrace();
			exitCode = 1;
		}
		// Runs the shutdown hook too, which finds everything already stopped.
		System.exit(exitCode);
	}

	/** Returns the exit code; in normal mode it only returns on failure. */
	int run(Arguments arguments) throws InterruptedException {
		Instant began = Instant.now();
		List<ServiceSpec> plan = ServiceTable.plan(arguments.replicas());
		Jdk jdk = checkPrerequisites(plan, arguments.redisSentinel());
		Secrets secrets = Secrets.fromEnvironment(this.env);
		this.infrastructure = Infrastructure.standard(this.env, plan, jdk, this.layout, arguments.redisSentinel());
		this.supervisor = new Supervisor(RestartPolicy.standard(), true, new StatusBoard(this.layout.statusFile()),
				this.out);
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "launcher-shutdown"));
		Readiness readiness = Readiness.standard();
		if (!startAll(plan, jdk, secrets, readiness)) {
			stopEverything();
			return 1;
		}
		Optional<String> metrics = arguments.monitoring() ? startMonitoring() : Optional.empty();
		this.console.printBanner(secrets, plan.size(), Duration.between(began, Instant.now()), metrics);
		this.supervisor.announceChanges();
		if (arguments.smoke()) {
			boolean healthy = new SmokeCheck(readiness, this.out).run(this.supervisor.handles())
					&& new OrderSmokeCheck(ServiceTable.gateway().serverPort(), SAGA_TIMEOUT, this.out).run();
			this.out.println(healthy ? "Smoke check passed." : "Smoke check FAILED.");
			stopEverything();
			return healthy ? 0 : 1;
		}
		// Ctrl-C ends the JVM; the shutdown hook drains and stops everything.
		Thread.currentThread().join();
		return 0;
	}

	/** Everything that can fail before anything is started. */
	private Jdk checkPrerequisites(List<ServiceSpec> plan, boolean redisSentinel) {
		this.layout.requireJars(plan);
		if (isBlank(this.env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
			this.layout.requireKafkaLibs();
		}
		Jdk jdk = JdkLocator.forThisMachine().locate().orElseThrow(() -> new LauncherException(JdkLocator.NONE_FOUND));
		Ports.requireFree(plan);
		Infrastructure.requireFreePorts(this.env, redisSentinel);
		return jdk;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private boolean startAll(List<ServiceSpec> plan, Jdk jdk, Secrets secrets, Readiness readiness)
			throws InterruptedException {
		this.out.println("Starting the infrastructure");
		Map<String, String> infrastructureEnv = startInfrastructure();
		this.out
			.println("Starting " + plan.size() + " instances on JDK " + jdk.versionText() + " (" + jdk.home() + ")");
		for (List<ServiceSpec> stage : ServiceTable.stages(plan)) {
			List<ServiceHandle> handles = stage.stream()
				.map((service) -> new ServiceHandle(service,
						ServiceEnvironment.build(service, infrastructureEnv, secrets), jdk.java(), this.layout,
						readiness))
				.toList();
			if (!startStage(handles, readiness)) {
				return false;
			}
		}
		return true;
	}

	private Map<String, String> startInfrastructure() {
		try {
			return this.infrastructure.start(this.out);
		}
		catch (LauncherException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			stopEverything();
			throw new LauncherException("Could not start the infrastructure: " + ex.getMessage(), ex);
		}
	}

	/** Starts the instances of one stage together and waits until they are ready. */
	private boolean startStage(List<ServiceHandle> handles, Readiness readiness) throws InterruptedException {
		handles.forEach(this.supervisor::start);
		List<ServiceProcess> processes = handles.stream().flatMap((handle) -> handle.process().stream()).toList();
		this.out.println("  started " + ServiceProcess.names(processes) + ", waiting until ready");
		Optional<ServiceProcess> failed = readiness.awaitAll(processes);
		// On Ctrl-C they exit because they were stopped: nothing to report.
		failed.filter((process) -> !this.supervisor.isStopping())
			.ifPresent((process) -> this.console.reportFailure(process, TAIL_LINES));
		if (failed.isEmpty()) {
			handles.forEach((handle) -> handle.process().ifPresent(handle::markReadyIf));
			this.out.println("  ready: " + ServiceProcess.names(processes));
		}
		return failed.isEmpty();
	}

	/**
	 * Prometheus against every instance, when it is installed; the platform runs on
	 * without it, saying why.
	 */
	private Optional<String> startMonitoring() {
		Optional<Path> binary = LocalPrometheus.binary(this.env);
		if (binary.isEmpty()) {
			this.out.println(LocalPrometheus.NOT_INSTALLED);
			return Optional.empty();
		}
		Map<String, List<Integer>> ports = new LinkedHashMap<>();
		this.supervisor.handles()
			.forEach((handle) -> ports.computeIfAbsent(handle.module(), (module) -> new ArrayList<>())
				.add(handle.managementPort()));
		int port = Integer.parseInt(this.env.getOrDefault("LAUNCHER_PROMETHEUS_PORT", "9090"));
		Path rules = this.layout.root().resolve("deploy/prometheus/alerts.yml");
		try {
			this.monitoring = LocalPrometheus.start(binary.get(), LocalPrometheus.configuration(ports, rules, port),
					this.layout.root().resolve(".platform").resolve("prometheus"), port);
			return Optional.of(this.monitoring.url());
		}
		catch (LauncherException ex) {
			this.out.println(ex.getMessage() + " The platform runs without it.");
			return Optional.empty();
		}
	}

	/** Services first, newest stage first, then the infrastructure; idempotent. */
	private void stopEverything() {
		if (this.monitoring != null) {
			this.monitoring.close();
		}
		if (this.supervisor != null) {
			if (!this.supervisor.isStopping()) {
				this.out.println("Stopping: the gateway drains first, then the BFFs, then the services ("
						+ STOP_GRACE.toSeconds() + " s grace each)");
			}
			this.supervisor.stopAll(STOP_GRACE);
		}
		if (this.infrastructure != null) {
			this.infrastructure.close();
		}
	}

}
