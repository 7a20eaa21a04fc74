package io.hashop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.hashop.devinfra.PostgresServer;
import io.hashop.devinfra.RedisSentinelGroup;

/**
 * Any subset of the platform's services, with replicas, on real infrastructure (an
 * embedded PostgreSQL and Redis, a local Kafka broker process, a local SMTP server): what
 * system tests start, stop, kill and restart. Services use the ports of the service
 * table; the infrastructure uses free ports. For example
 * {@code LocalPlatform.builder(root).services("order-service", "payment-service").start()},
 * then {@code platform.process("payment-service").kill()}.
 */
public final class LocalPlatform implements AutoCloseable {

	private final Infrastructure infrastructure;

	private final PostgresStep postgres;

	private final RedisStep redis;

	private final KafkaStep kafka;

	private final MailStep mail;

	private final Secrets secrets;

	private final Map<String, ServiceHandle> processes;

	private final Supervisor supervisor;

	private LocalPlatform(Infrastructure infrastructure, PostgresStep postgres, RedisStep redis, KafkaStep kafka,
			MailStep mail, Secrets secrets, Map<String, ServiceHandle> processes, Supervisor supervisor) {
		this.infrastructure = infrastructure;
		this.postgres = postgres;
		this.redis = redis;
		this.supervisor = supervisor;
		this.kafka = kafka;
		this.mail = mail;
		this.secrets = secrets;
		this.processes = processes;
	}

	/**
	 * @param repoRoot the repository root, where the services' jars were built
	 */
	/** The options {@code ./run-local.sh} gives every service: small heaps, C1 only. */
	public static final List<String> LAUNCHER_JVM_OPTIONS = ServiceTable.JVM_OPTIONS;

	public static Builder builder(Path repoRoot) {
		return new Builder(repoRoot);
	}

	/** A process by name, such as {@code order-service} or {@code payment-service-2}. */
	public ServiceHandle process(String name) {
		ServiceHandle handle = this.processes.get(name);
		if (handle == null) {
			throw new IllegalArgumentException("No process " + name + " in " + this.processes.keySet());
		}
		return handle;
	}

	/** The processes of one service: the service itself and its replicas. */
	public List<ServiceHandle> instances(String module) {
		return this.processes.values().stream().filter((handle) -> handle.module().equals(module)).toList();
	}

	/** Every process, in start order. */
	public List<ServiceHandle> processes() {
		return List.copyOf(this.processes.values());
	}

	/**
	 * The local broker; empty when {@code KAFKA_BOOTSTRAP_SERVERS} names an external one.
	 */
	public Optional<KafkaBroker> kafka() {
		return this.kafka.broker();
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/** The local SMTP server; empty when {@code SMTP_HOST} names an external one. */
	public Optional<LocalMailServer> mail() {
		return this.mail.server();
	}

	public PostgresServer postgres() {
		return this.postgres.server();
	}

	/**
	 * Stops PostgreSQL and starts it again on the same port and data, as in a database
	 * failover; returns once it accepts connections. Only for the embedded server.
	 */
	public void restartPostgres() {
		this.postgres.server().restart();
	}

	/**
	 * The primary, replica and sentinels of a platform started with
	 * {@link Builder#redisSentinel()}: kill the primary there.
	 */
	public RedisSentinelGroup redisSentinel() {
		return this.redis.sentinelGroup();
	}

	/** Stops Redis and starts it again on the same port (its data is lost). */
	public void restartRedis() {
		this.redis.server().stop();
		this.redis.server().restart();
	}

	/** Each instance's state, restart count and last exit. */
	public List<InstanceStatus> status() {
		return this.supervisor.statuses();
	}

	/**
	 * Waits until every process runs and answers {@code /readyz}, unless the supervisor
	 * gave up on one.
	 * @throws LauncherException if that takes longer than {@code timeout}
	 */
	public void awaitAllReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!processes().stream().allMatch((handle) -> handle.status().state() == InstanceState.READY)) {
			if (Instant.now().isAfter(deadline)) {
				throw new LauncherException("Not every instance is ready after " + timeout.toSeconds() + " s: "
						+ status().stream().map(StatusBoard::line).toList());
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LauncherException("Interrupted while waiting for the instances", ex);
			}
		}
	}

	/** The secret that signs internal tokens in this run. */
	public String internalTokenSecret() {
		return this.secrets.internalTokenSecret();
	}

	/** The e-mail of the admin account user-service creates in this run. */
	public String adminEmail() {
		return this.secrets.adminEmail();
	}

	/** The password of that admin account. */
	public String adminPassword() {
		return this.secrets.adminPassword();
	}

	/** Stops the processes, newest stage first, then the infrastructure. */
	@Override
	public void close() {
		this.supervisor.stopAll(Duration.ofSeconds(25));
		this.infrastructure.close();
	}

	/** What to start. */
	public static final class Builder {

		private final Path repoRoot;

		private final List<String> services = new ArrayList<>();

		private final Map<String, Integer> replicas = new LinkedHashMap<>();

		private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();

		private Path logs;

		private PrintStream out = System.out;

		private boolean supervised;

		private List<String> jvmOptions = ServiceTable.JVM_OPTIONS;

		private boolean redisSentinel;

		private int portOffset;

		private final Map<String, String> infrastructure = new LinkedHashMap<>();

		private Builder(Path repoRoot) {
			this.repoRoot = repoRoot;
		}

		/** The services to start, by module name; start order comes from the table. */
		public Builder services(String... modules) {
			this.services.addAll(List.of(modules));
			return this;
		}

		/** Runs {@code count} instances of a service (replicas 2.. get shifted ports). */
		public Builder replicas(String module, int count) {
			this.replicas.put(module, count);
			return this;
		}

		/** A further variable for one process (a replica is a process of its own). */
		public Builder environment(String process, String key, String value) {
			this.environment.computeIfAbsent(process, (name) -> new LinkedHashMap<>()).put(key, value);
			return this;
		}

		/**
		 * Restarts a process that exits without being stopped (a {@code kill()}, a crash)
		 * with the launcher's restart policy, as {@code ./run-local.sh} does. Off by
		 * default, so that a test that kills a process sees it stay down.
		 */
		public Builder supervised() {
			this.supervised = true;
			return this;
		}

		/**
		 * The JVM options of every service in place of the launcher's small, quick-JIT
		 * ones ({@link #LAUNCHER_JVM_OPTIONS}): a benchmark runs the images' options.
		 */
		public Builder jvmOptions(List<String> options) {
			this.jvmOptions = List.copyOf(options);
			return this;
		}

		/**
		 * Runs Redis as a primary, a replica and three sentinels (see
		 * {@link LocalPlatform#redisSentinel()}); the services get
		 * {@code REDIS_SENTINEL_MASTER} and {@code REDIS_SENTINEL_NODES} instead of
		 * {@code REDIS_HOST}.
		 */
		public Builder redisSentinel() {
			this.redisSentinel = true;
			return this;
		}

		/**
		 * Shifts every service port by {@code offset} (the table's 8080 becomes
		 * {@code 8080 + offset}), so that this platform runs beside one on the table's
		 * ports; a test overriding an address by {@link #environment} shifts it itself.
		 */
		public Builder portOffset(int offset) {
			if (offset < 0 || offset > 40000) {
				throw new IllegalArgumentException("A port offset is between 0 and 40000, not " + offset);
			}
			this.portOffset = offset;
			return this;
		}

		/**
		 * An infrastructure variable in place of this JVM's environment, such as
		 * {@code DATABASE_HOST} and {@code DATABASE_PORT} to use an external PostgreSQL
		 * (one per region in a failover drill) instead of starting one.
		 */
		public Builder infrastructure(String key, String value) {
			this.infrastructure.put(key, value);
			return this;
		}

		/** Where the processes' logs go; {@code .platform/logs} by default. */
		public Builder logs(Path directory) {
			this.logs = directory;
			return this;
		}

		public Builder output(PrintStream out) {
			this.out = out;
			return this;
		}

		/**
		 * Starts the infrastructure, then the services stage by stage, each ready before
		 * the next stage starts.
		 * @throws LauncherException if anything does not start; what started is stopped
		 */
		public LocalPlatform start() {
			RepoLayout layout = (this.logs != null) ? new RepoLayout(this.repoRoot, this.logs)
					: new RepoLayout(this.repoRoot);
			List<ServiceSpec> specs = specs();
			layout.requireJars(specs);
			Map<String, String> env = new LinkedHashMap<>(System.getenv());
			env.putAll(this.infrastructure);
			if (isBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
				layout.requireKafkaLibs();
			}
			Jdk jdk = JdkLocator.forThisMachine()
				.locate()
				.orElseThrow(() -> new LauncherException(JdkLocator.NONE_FOUND));
			Ports.requireFree(specs);
			Secrets secrets = Secrets.fromEnvironment(Map.of());
			Path kafkaDirectory = KafkaBroker.temporaryDirectory();
			PostgresStep postgres = new PostgresStep(env, 0, ServiceTable.databases(specs));
			KafkaStep kafka = new KafkaStep(env,
					() -> new KafkaBroker(jdk.java(), layout.kafkaLibs(), kafkaDirectory, freePort(), freePort()));
			MailStep mail = new MailStep(env, freePort());
			RedisStep redis = new RedisStep(env, 0, this.redisSentinel);
			Infrastructure infrastructure = new Infrastructure(List.of(postgres, redis, kafka, mail));
			Map<String, ServiceHandle> handles = new LinkedHashMap<>();
			Supervisor supervisor = new Supervisor(RestartPolicy.standard(), this.supervised,
					new StatusBoard(layout.logsDirectory().resolve("status")), this.out);
			LocalPlatform platform = new LocalPlatform(infrastructure, postgres, redis, kafka, mail, secrets, handles,
					supervisor);
			try {
				this.out.println("Starting the infrastructure");
				Map<String, String> infrastructureEnv = infrastructure.start(this.out);
				Readiness readiness = Readiness.standard();
				for (List<ServiceSpec> stage : ServiceTable.stages(specs)) {
					List<ServiceHandle> started = new ArrayList<>();
					for (ServiceSpec spec : stage) {
						Map<String, String> processEnv = new LinkedHashMap<>(
								ServiceEnvironment.build(spec, infrastructureEnv, secrets));
						processEnv.putAll(this.environment.getOrDefault(spec.name(), Map.of()));
						ServiceHandle handle = new ServiceHandle(spec, processEnv, jdk.java(), this.jvmOptions, layout,
								readiness);
						handles.put(spec.name(), handle);
						supervisor.start(handle);
						started.add(handle);
					}
					this.out
						.println("  started " + String.join(", ", started.stream().map(ServiceHandle::name).toList())
								+ ", waiting until ready");
					started.forEach(ServiceHandle::awaitReady);
				}
				this.out.println("  ready: " + String.join(", ", handles.keySet()));
				supervisor.announceChanges();
				return platform;
			}
			catch (RuntimeException ex) {
				platform.close();
				throw ex;
			}
		}

		private List<ServiceSpec> specs() {
			List<String> unknown = this.services.stream()
				.filter((service) -> !ServiceTable.modules().contains(service))
				.toList();
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException(
						"Unknown service among " + unknown + "; known: " + ServiceTable.modules());
			}
			return ServiceTable.plan(this.replicas, this.portOffset)
				.stream()
				.filter((spec) -> this.services.contains(spec.module()))
				.toList();
		}

		private static boolean isBlank(String value) {
			return value == null || value.isBlank();
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
