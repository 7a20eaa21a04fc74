package io.hashop.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.hashop.devinfra.PostgresServer;
import io.hashop.devinfra.RedisSentinelGroup;
import io.hashop.launcher.infrastructure.Infrastructure;
import io.hashop.launcher.infrastructure.KafkaBroker;
import io.hashop.launcher.infrastructure.KafkaStep;
import io.hashop.launcher.infrastructure.LocalMailServer;
import io.hashop.launcher.infrastructure.MailStep;
import io.hashop.launcher.infrastructure.PostgresStep;
import io.hashop.launcher.infrastructure.RedisStep;
import io.hashop.launcher.process.InstanceState;
import io.hashop.launcher.process.InstanceStatus;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.launcher.process.StatusBoard;
import io.hashop.launcher.process.Supervisor;
import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.Secrets;
import io.hashop.launcher.service.ServiceTable;

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

	LocalPlatform(Infrastructure infrastructure, PostgresStep postgres, RedisStep redis, KafkaStep kafka, MailStep mail,
			Secrets secrets, Map<String, ServiceHandle> processes, Supervisor supervisor) {
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

	public static LocalPlatformBuilder builder(Path repoRoot) {
		return new LocalPlatformBuilder(repoRoot);
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
	 * {@link LocalPlatformBuilder#redisSentinel()}: kill the primary there.
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

}
