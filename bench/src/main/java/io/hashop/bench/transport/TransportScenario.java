package io.hashop.bench.transport;

import java.nio.file.Path;
import java.util.List;

import io.hashop.bench.harness.Goal;
import io.hashop.bench.harness.Measurement;
import io.hashop.bench.harness.Ratio;
import io.hashop.bench.harness.Scenario;
import io.hashop.bench.platform.BenchPlatform;

/**
 * S4: how many more calls per CPU-second the BFF gets from gRPC (user- and order-service)
 * than from OpenFeign (payment-service). Each arm runs its client and its server in one
 * process of its own, on the services' JDK and JVM options, so that the process's CPU
 * time counts both ends of the call.
 */
public final class TransportScenario {

	/** Callers per arm: each thread makes one call after another. */
	static final int CALLERS = 16;

	private TransportScenario() {
	}

	/** With the JDK and JVM options the platform's services run with. */
	public static Scenario create(BenchPlatform platform) {
		long pid = platform.launcherPlatform()
			.process("bff-web")
			.status()
			.pid()
			.orElseThrow(() -> new IllegalStateException("bff-web is not running: its JDK is unknown"));
		Path java = Path.of(ProcessHandle.of(pid)
			.flatMap((process) -> process.info().command())
			.orElseThrow(() -> new IllegalStateException("The java command of bff-web (pid " + pid + ") is unknown")));
		return create(java, platform.jvmOptions());
	}

	/**
	 * @param java a JDK 21+ {@code java} launcher
	 * @param jvmOptions the JVM options of each arm's process
	 */
	public static Scenario create(Path java, List<String> jvmOptions) {
		return new Scenario("S4", "gRPC ÷ Feign calls per CPU-second, same payload, client and server in one JVM",
				new Ratio("gRPC ÷ Feign calls per CPU-s", "gRPC", "Feign", CallCount.CALLS_PER_CPU_SECOND),
				Goal.atLeast(2.0), List.copyOf(arms(new TransportArm.Host(java, jvmOptions, CALLERS))),
				List.of(new Ratio("gRPC ÷ Feign req/s", "gRPC", "Feign", Measurement.THROUGHPUT)));
	}

	static List<TransportArm> arms(TransportArm.Host host) {
		return List.of(
				new TransportArm("gRPC",
						"ListOrders (5 orders × 3 lines, protobuf): blocking stub → grpc-java Netty server, one HTTP/2 "
								+ "connection, " + host.callers() + " callers, client and server in one JVM",
						"grpc", host),
				new TransportArm("Feign",
						"GET /orders (the same page as JSON): OpenFeign on pooled Apache HttpClient 5 → Spring MVC "
								+ "on embedded Tomcat, " + host.callers() + " callers, client and server in one JVM",
						"feign", host));
	}

}
