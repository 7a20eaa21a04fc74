package io.hashop.launcher.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.RepoLayout;
import io.hashop.launcher.service.ServiceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor with real child processes ({@code sh}) standing in for service JVMs and
 * a local HTTP server answering their readiness probe.
 */
class SupervisorTests {

	private static final RestartPolicy QUICK = new RestartPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 3,
			Duration.ofMinutes(1));

	@TempDir
	Path temp;

	private HttpServer readyz;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private Supervisor supervisor;

	@BeforeEach
	void startReadinessEndpoint() throws IOException {
		this.readyz = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.readyz.createContext("/readyz", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.readyz.start();
		this.supervisor = new Supervisor(QUICK, true, new StatusBoard(this.temp.resolve("status")),
				new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void stopEverything() {
		this.supervisor.stopAll(Duration.ofSeconds(5));
		this.readyz.stop(0);
	}

	@Test
	void restartsAKilledInstanceAndMarksItReadyAgain() throws IOException {
		ServiceHandle handle = instance("order-service-2", "sleep 60");
		this.supervisor.start(handle);
		await().atMost(Duration.ofSeconds(10)).until(() -> handle.status().state() == InstanceState.READY);
		long firstPid = handle.status().pid().getAsLong();

		handle.kill();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> handle.status().state() == InstanceState.READY && handle.restarts() == 1);
		InstanceStatus status = handle.status();
		assertThat(status.pid()).isPresent();
		assertThat(status.pid().getAsLong()).isNotEqualTo(firstPid);
		assertThat(status.lastExit()).hasValueSatisfying((exit) -> assertThat(exit.code()).isEqualTo(137));
		assertThat(printed()).contains("order-service-2 exited with code 137 (SIGKILL); restarting in 50 ms");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(statusFile())
				.containsPattern("order-service-2\\s+READY\\s+\\d+\\s+1\\s+137 \\(SIGKILL\\)"));
	}

	@Test
	void givesUpOnACrashLoopAndSaysSo() throws IOException {
		ServiceHandle handle = instance("payment-service", "exit 3");
		this.supervisor.start(handle);

		await().atMost(Duration.ofSeconds(10)).until(() -> handle.status().state() == InstanceState.FAILED);
		assertThat(handle.restarts()).isEqualTo(3);
		assertThat(printed()).contains("GAVE UP on payment-service: it exited 4 times within 60 s (last exit code 3)");
		// The status board is rewritten just after the state changes.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(statusFile()).containsPattern("payment-service\\s+FAILED\\s+-\\s+3\\s+3"));
	}

	@Test
	void neverRestartsAnInstanceStoppedOnPurpose() {
		ServiceHandle handle = instance("bff-web", "sleep 60");
		this.supervisor.start(handle);
		await().atMost(Duration.ofSeconds(10)).until(() -> handle.status().state() == InstanceState.READY);

		handle.stop(Duration.ofSeconds(5));

		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(3))
			.until(() -> handle.status().state() == InstanceState.STOPPED && !handle.isRunning());
		assertThat(handle.restarts()).isZero();
	}

	@Test
	void anUnsupervisedExitIsReportedNotRestarted() {
		Supervisor watching = new Supervisor(QUICK, false, StatusBoard.none(), new PrintStream(this.output));
		ServiceHandle handle = instance("user-service", "exit 7");
		watching.start(handle);

		await().atMost(Duration.ofSeconds(5)).until(() -> handle.status().state() == InstanceState.EXITED);
		assertThat(handle.restarts()).isZero();
		assertThat(handle.status().lastExit()).hasValueSatisfying((exit) -> assertThat(exit.code()).isEqualTo(7));
	}

	@Test
	void stoppingLeavesNoProcessAndRefusesLaterStarts() {
		ServiceHandle first = instance("user-service", "sleep 60");
		ServiceHandle second = instance("gateway", "sleep 60");
		this.supervisor.start(first);
		this.supervisor.start(second);
		ProcessHandle firstProcess = ProcessHandle.of(first.status().pid().getAsLong()).orElseThrow();

		this.supervisor.stopAll(Duration.ofSeconds(5));

		assertThat(firstProcess.isAlive()).isFalse();
		assertThat(second.isRunning()).isFalse();
		assertThatExceptionOfType(LauncherException.class)
			.isThrownBy(() -> this.supervisor.start(instance("bff-web", "sleep 60")))
			.withMessage("Stopped while starting bff-web.");
	}

	@Test
	void backoffDoublesUpToItsCap() {
		RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
				Duration.ofMinutes(2));
		assertThat(policy.backoff(0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(16));
		assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.backoff(50)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void restartsOutsideTheWindowDoNotCountTowardsACrashLoop() {
		RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 2,
				Duration.ofMinutes(1));
		Instant now = Instant.parse("2026-12-02T10:00:00Z");
		java.util.Deque<Instant> restarts = new java.util.ArrayDeque<>(
				java.util.List.of(now.minusSeconds(90), now.minusSeconds(30)));
		assertThat(policy.isCrashLoop(restarts, now)).isFalse();
		assertThat(restarts).containsExactly(now.minusSeconds(30));
		restarts.addLast(now.minusSeconds(1));
		assertThat(policy.isCrashLoop(restarts, now)).isTrue();
	}

	private ServiceHandle instance(String name, String shellCommand) {
		int shift = name.endsWith("-2") ? 100 : 0;
		ServiceSpec spec = new ServiceSpec(name, name.replaceAll("-\\d$", ""), 1, this.readyz.getAddress().getPort(),
				9000 + shift, java.util.OptionalInt.empty(), java.util.Optional.empty(), false, Map.of());
		RepoLayout layout = new RepoLayout(this.temp);
		Readiness readiness = new Readiness(HttpClient.newHttpClient(), Duration.ofSeconds(10), Duration.ofMillis(50));
		ProcessStarter starter = (service, env) -> {
			Path log = layout.log(service);
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder("sh", "-c", shellCommand).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return new ServiceProcess(service, process, log, 0, Instant.now());
		};
		return new ServiceHandle(spec, Map.of(), starter, layout, readiness);
	}

	private String printed() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	private String statusFile() throws IOException {
		return Files.readString(this.temp.resolve("status"));
	}

}
