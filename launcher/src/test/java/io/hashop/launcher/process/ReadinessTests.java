package io.hashop.launcher.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.hashop.launcher.service.ServiceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTests {

	private HttpServer server;

	private int readyStatus = 200;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.createContext("/readyz", (exchange) -> {
			exchange.sendResponseHeaders(this.readyStatus, -1);
			exchange.close();
		});
		this.server.createContext("/healthz", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void returnsNothingWhenAllAreReady() throws InterruptedException {
		assertThat(readiness(Duration.ofSeconds(240)).awaitAll(List.of(process(true)))).isEmpty();
	}

	@Test
	void returnsTheProcessThatExitedEvenIfItsPortAnswers() throws InterruptedException {
		ServiceProcess exited = process(false);
		assertThat(readiness(Duration.ofSeconds(240)).awaitAll(List.of(process(true), exited))).contains(exited);
	}

	@Test
	void returnsTheProcessThatTimedOut() throws InterruptedException {
		this.readyStatus = 503;
		ServiceProcess slow = process(true);
		assertThat(readiness(Duration.ZERO).awaitAll(List.of(slow))).contains(slow);
	}

	@Test
	void reportsStatusOrUnreachable() {
		Readiness readiness = readiness(Duration.ZERO);
		assertThat(readiness.status(this.server.getAddress().getPort(), "/healthz")).isEqualTo(503);
		this.server.stop(0);
		assertThat(readiness.status(this.server.getAddress().getPort(), "/healthz")).isEqualTo(Readiness.UNREACHABLE);
	}

	private Readiness readiness(Duration timeout) {
		return new Readiness(HttpClient.newHttpClient(), timeout, Duration.ofMillis(10));
	}

	private ServiceProcess process(boolean alive) {
		ServiceSpec service = ServiceSpec.of("probe-me", 1, this.server.getAddress().getPort(), 0);
		return new ServiceProcess(service, new FakeProcess(alive, 1), Path.of("probe-me.log"), 0, Instant.now());
	}

}
