package io.hashop.system.chaos;

import java.time.Duration;
import java.util.List;

import io.hashop.launcher.LocalPlatform;
import io.hashop.launcher.infrastructure.KafkaBroker;
import io.hashop.launcher.process.InstanceState;
import io.hashop.launcher.process.ServiceHandle;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Faults done to a supervised {@link LocalPlatform}. A killed instance is left to the
 * platform's supervisor to restart: the test never starts it itself.
 */
final class PlatformFaults implements FaultInjector {

	/** Start-up of one JVM on a busy two-core machine, with room to spare. */
	static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private final LocalPlatform platform;

	PlatformFaults(LocalPlatform platform) {
		this.platform = platform;
	}

	@Override
	public String awaitTargetReady(PlannedFault fault) {
		if (fault.kind() != FaultKind.KILL) {
			return "";
		}
		try {
			await(fault.module() + " ready").atMost(READY_TIMEOUT)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> this.platform.instances(fault.module())
					.stream()
					.allMatch((instance) -> instance.status().state() == InstanceState.READY));
			return "";
		}
		catch (ConditionTimeoutException ex) {
			return "not every instance of " + fault.module() + " was ready before the kill";
		}
	}

	@Override
	public String inject(PlannedFault fault, FaultPlan plan) {
		return switch (fault.kind()) {
			case KILL -> kill(fault.module(), plan);
			case BROKER_RESTART -> {
				KafkaBroker broker = this.platform.kafka()
					.orElseThrow(() -> new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS names an external broker"));
				broker.restart();
				yield "kafka";
			}
			case POSTGRES_RESTART -> {
				this.platform.restartPostgres();
				yield "postgresql";
			}
			case REDIS_RESTART -> {
				this.platform.restartRedis();
				yield "redis";
			}
		};
	}

	/** SIGKILL of one running instance, chosen by the plan's random. */
	private String kill(String module, FaultPlan plan) {
		List<ServiceHandle> running = this.platform.instances(module)
			.stream()
			.filter(ServiceHandle::isRunning)
			.toList();
		if (running.isEmpty()) {
			throw new IllegalStateException("no running instance of " + module);
		}
		ServiceHandle victim = running.get(plan.pick(running.size()));
		victim.kill();
		return victim.name();
	}

}
