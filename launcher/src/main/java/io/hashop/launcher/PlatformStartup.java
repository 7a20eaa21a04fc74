package io.hashop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.launcher.infrastructure.Infrastructure;
import io.hashop.launcher.infrastructure.KafkaBroker;
import io.hashop.launcher.infrastructure.KafkaStep;
import io.hashop.launcher.infrastructure.MailStep;
import io.hashop.launcher.infrastructure.PostgresStep;
import io.hashop.launcher.infrastructure.RedisStep;
import io.hashop.launcher.jdk.Jdk;
import io.hashop.launcher.jdk.JdkLocator;
import io.hashop.launcher.process.Readiness;
import io.hashop.launcher.process.RestartPolicy;
import io.hashop.launcher.process.ServiceHandle;
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
 * What {@link LocalPlatformBuilder#start()} does: checks the inputs, starts the
 * infrastructure on free ports, then the services stage by stage, each ready before the
 * next stage starts; stops what started when anything fails.
 */
final class PlatformStartup {

	private final LocalPlatformBuilder options;

	private final RepoLayout layout;

	private final Map<String, String> env;

	PlatformStartup(LocalPlatformBuilder options) {
		this.options = options;
		this.layout = (options.logs != null) ? new RepoLayout(options.repoRoot, options.logs)
				: new RepoLayout(options.repoRoot);
		this.env = new LinkedHashMap<>(System.getenv());
		this.env.putAll(options.infrastructure);
	}

	LocalPlatform start() {
		List<ServiceSpec> specs = specs();
		this.layout.requireJars(specs);
		if (isBlank(this.env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
			this.layout.requireKafkaLibs();
		}
		Jdk jdk = JdkLocator.forThisMachine().locate().orElseThrow(() -> new LauncherException(JdkLocator.NONE_FOUND));
		Ports.requireFree(specs);
		Secrets secrets = Secrets.fromEnvironment(Map.of());
		Path kafkaDirectory = KafkaBroker.temporaryDirectory();
		PostgresStep postgres = new PostgresStep(this.env, 0, ServiceTable.databases(specs));
		KafkaStep kafka = new KafkaStep(this.env,
				() -> new KafkaBroker(jdk.java(), this.layout.kafkaLibs(), kafkaDirectory, freePort(), freePort()));
		MailStep mail = new MailStep(this.env, freePort());
		RedisStep redis = new RedisStep(this.env, 0, this.options.redisSentinel);
		Infrastructure infrastructure = new Infrastructure(List.of(postgres, redis, kafka, mail));
		Map<String, ServiceHandle> handles = new LinkedHashMap<>();
		Supervisor supervisor = new Supervisor(RestartPolicy.standard(), this.options.supervised,
				new StatusBoard(this.layout.logsDirectory().resolve("status")), this.options.out);
		LocalPlatform platform = new LocalPlatform(infrastructure, postgres, redis, kafka, mail, secrets, handles,
				supervisor);
		try {
			this.options.out.println("Starting the infrastructure");
			Map<String, String> infrastructureEnv = infrastructure.start(this.options.out);
			startServices(specs, infrastructureEnv, secrets, jdk, handles, supervisor);
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	private void startServices(List<ServiceSpec> specs, Map<String, String> infrastructureEnv, Secrets secrets, Jdk jdk,
			Map<String, ServiceHandle> handles, Supervisor supervisor) {
		Readiness readiness = Readiness.standard();
		for (List<ServiceSpec> stage : ServiceTable.stages(specs)) {
			List<ServiceHandle> started = new ArrayList<>();
			for (ServiceSpec spec : stage) {
				Map<String, String> processEnv = new LinkedHashMap<>(
						ServiceEnvironment.build(spec, infrastructureEnv, secrets));
				processEnv.putAll(this.options.environment.getOrDefault(spec.name(), Map.of()));
				ServiceHandle handle = new ServiceHandle(spec, processEnv, jdk.java(), this.options.jvmOptions,
						this.layout, readiness);
				handles.put(spec.name(), handle);
				supervisor.start(handle);
				started.add(handle);
			}
			this.options.out.println("  started "
					+ String.join(", ", started.stream().map(ServiceHandle::name).toList()) + ", waiting until ready");
			started.forEach(ServiceHandle::awaitReady);
		}
		this.options.out.println("  ready: " + String.join(", ", handles.keySet()));
		supervisor.announceChanges();
	}

	private List<ServiceSpec> specs() {
		List<String> unknown = this.options.services.stream()
			.filter((service) -> !ServiceTable.modules().contains(service))
			.toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(
					"Unknown service among " + unknown + "; known: " + ServiceTable.modules());
		}
		return ServiceTable.plan(this.options.replicas, this.options.portOffset)
			.stream()
			.filter((spec) -> this.options.services.contains(spec.module()))
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
