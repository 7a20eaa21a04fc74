package io.hashop.bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.hashop.launcher.LocalPlatform;
import io.hashop.launcher.process.ServiceHandle;

/**
 * Starts one more instance of a platform service on free ports, the way the launcher
 * started the running one (same JDK, options, environment, working directory), times it
 * until ready, reads its memory and stops it. The platform keeps serving meanwhile; the
 * extra instance joins its database, Kafka consumer groups and Redis like a replica. The
 * first time a service is measured, its jar is copied, extracted and its caches trained.
 */
final class ExtraInstances {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

	private final LocalPlatform platform;

	private final Path workDirectory;

	private final List<StartMode> trainedModes;

	private final Map<String, ServiceLaunch> launches = new LinkedHashMap<>();

	private final Map<String, ServiceFiles> prepared = new LinkedHashMap<>();

	ExtraInstances(LocalPlatform platform, Path workDirectory, List<StartMode> trainedModes) {
		this.platform = platform;
		this.workDirectory = workDirectory;
		this.trainedModes = List.copyOf(trainedModes);
	}

	/** Seconds to ready, processor seconds used until then and resident memory then. */
	record Start(double readySeconds, double cpuSeconds, double rssMiB) {

	}

	Start measure(String module, StartMode mode) throws IOException, InterruptedException {
		ServiceLaunch launch = launch(module);
		ServiceFiles files = prepare(launch);
		ServiceLaunch.Ports ports = freePorts();
		List<String> command = mode.command(launch.java(), launch.jvmOptions(), files);
		try (Instance instance = Instance.start(command, launch.environmentOn(ports), launch.directory(),
				files.log(mode.name().toLowerCase(Locale.ROOT)))) {
			Duration ready = instance.awaitReady(ports.server(), READY_TIMEOUT);
			double cpu = ProcFiles.cpuSeconds(instance.pid());
			double rss = ProcFiles.rssMiB(instance.pid());
			Optional<Path> cache = mode.cache(files);
			if (cache.isPresent() && !ProcFiles.maps(instance.pid(), cache.get())) {
				throw new IOException(module + " (" + mode + ") does not map " + cache.get()
						+ ": the JVM refused the cache. " + instance.tail());
			}
			return new Start(ready.toNanos() / 1e9, cpu, rss);
		}
	}

	/** How the platform's first instance of the module was started. */
	synchronized ServiceLaunch launch(String module) throws IOException {
		ServiceLaunch launch = this.launches.get(module);
		if (launch == null) {
			ServiceHandle handle = this.platform.process(module);
			long pid = handle.status()
				.pid()
				.orElseThrow(() -> new IllegalStateException(module + " is not running in the bench platform"));
			launch = ServiceLaunch.of(module, pid);
			this.launches.put(module, launch);
		}
		return launch;
	}

	private synchronized ServiceFiles prepare(ServiceLaunch launch) throws IOException, InterruptedException {
		ServiceFiles files = this.prepared.get(launch.module());
		if (files != null) {
			return files;
		}
		files = ServiceFiles.in(this.workDirectory, launch.module());
		deleteRecursively(files.directory());
		Files.createDirectories(files.directory());
		Files.copy(launch.jar(), files.jar());
		runToEnd(StartMode.extract(launch.java(), files), launch, files.log("extract"));
		if (this.trainedModes.stream().anyMatch(StartMode::needsSpringAot)) {
			processAheadOfTime(launch, files);
		}
		for (StartMode mode : this.trainedModes) {
			train(mode, launch, files);
		}
		this.prepared.put(launch.module(), files);
		return files;
	}

	/**
	 * Runs the mode's training run: to the refreshed context, where it exits by itself,
	 * or until ready, where it is stopped (the JVM writes the cache as it exits, which
	 * takes a while for an AOT cache).
	 */
	private static void train(StartMode mode, ServiceLaunch launch, ServiceFiles files)
			throws IOException, InterruptedException {
		List<String> command = mode.training(launch.java(), launch.jvmOptions(), files);
		Path log = files.log("training-" + mode.name().toLowerCase(Locale.ROOT));
		if (mode.trainsUntilReady()) {
			ServiceLaunch.Ports ports = freePorts();
			Instance run = Instance.start(command, launch.environmentOn(ports), launch.directory(), log);
			try {
				run.awaitReady(ports.server(), READY_TIMEOUT);
			}
			finally {
				run.stop(TRAINING_TIMEOUT);
			}
		}
		else {
			runToEnd(command, launch, log);
		}
		Path cache = mode.cache(files).orElseThrow();
		if (!Files.isRegularFile(cache)) {
			throw new IOException("The training run wrote no " + cache + "; see " + log);
		}
	}

	/**
	 * Spring's AOT processing in the service's own environment, then the generated
	 * sources compiled and packed with the generated resources into one jar.
	 */
	private static void processAheadOfTime(ServiceLaunch launch, ServiceFiles files)
			throws IOException, InterruptedException {
		String mainClass = SpringAotProcessing.mainClass(files);
		runToEnd(SpringAotProcessing.processCommand(launch.java(), files, mainClass), launch,
				files.log("spring-aot-processing"));
		runToEnd(SpringAotProcessing.compileCommand(launch.java(), files), launch, files.log("spring-aot-javac"));
		SpringAotProcessing.writeJar(files, mainClass);
	}

	private static void runToEnd(List<String> command, ServiceLaunch launch, Path log)
			throws IOException, InterruptedException {
		Instance run = Instance.start(command, launch.environmentOn(freePorts()), launch.directory(), log);
		try {
			int exit = run.awaitExit(TRAINING_TIMEOUT);
			if (exit != 0) {
				throw new IOException(String.join(" ", command) + " exited with " + exit + ". " + run.tail());
			}
		}
		finally {
			run.close();
		}
	}

	/**
	 * Three distinct ports the system has free now (held together, so never the same).
	 */
	private static ServiceLaunch.Ports freePorts() {
		try (ServerSocket server = new ServerSocket(0);
				ServerSocket management = new ServerSocket(0);
				ServerSocket grpc = new ServerSocket(0)) {
			return new ServiceLaunch.Ports(server.getLocalPort(), management.getLocalPort(), grpc.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
