package io.hashop.gateway.accesslog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hashop.gateway.EdgeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AccessLogIntegrationTests extends EdgeIntegrationTest {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger("io.hashop.gateway.accesslog");

	@BeforeEach
	void capture() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void logsOneLinePerRequestWithMethodPathStatusDurationAndRequestId() {
		client().get("/api/products", "X-Request-Id", "log-me-1");

		ILoggingEvent event = awaitEvent("log-me-1");
		assertThat(event.getFormattedMessage()).startsWith("GET /api/products 200 ").contains("requestId=log-me-1");
		Map<String, Object> fields = fields(event);
		assertThat(fields).containsEntry("http.request.method", "GET")
			.containsEntry("url.path", "/api/products")
			.containsEntry("http.response.status_code", 200)
			.containsEntry("requestId", "log-me-1")
			.containsKey("event.duration_ms");
	}

	@Test
	void continuesTheCallersTraceToTheBffAndLogsItsIds() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		client().get("/api/products", "X-Request-Id", "log-me-traced", "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");

		Map<String, Object> fields = fields(awaitEvent("log-me-traced"));
		assertThat(fields).containsEntry("trace.id", traceId).containsKey("span.id");
		String sentOn = ALPHA.received()
			.stream()
			.map((received) -> received.header("traceparent"))
			.filter((value) -> value != null)
			.findFirst()
			.orElseGet(() -> BRAVO.received().get(0).header("traceparent"));
		// The gateway's own span is the parent of the BFF's work, in the caller's trace.
		assertThat(sentOn).matches("00-" + traceId + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01");
	}

	@Test
	void startsATraceForAnUntracedCallerAndContinuesItAtTheBff() {
		client().get("/api/products", "X-Request-Id", "log-me-untraced");

		Map<String, Object> fields = fields(awaitEvent("log-me-untraced"));
		assertThat(fields).containsKey("trace.id");
		String sentOn = Stream.concat(ALPHA.received().stream(), BRAVO.received().stream())
			.map((received) -> received.header("traceparent"))
			.filter((value) -> value != null)
			.findFirst()
			.orElseThrow();
		assertThat(sentOn).matches("00-" + fields.get("trace.id") + "-[0-9a-f]{16}-0[01]");
	}

	@Test
	void logsTheStatusTheClientGotForTheGatewaysOwnErrors() {
		client().get("/missing", "X-Request-Id", "log-me-404");

		assertThat(awaitEvent("log-me-404").getFormattedMessage()).startsWith("GET /missing 404 ");
	}

	private ILoggingEvent awaitEvent(String requestId) {
		return await()
			.until(() -> this.appender.list.stream()
				.filter((event) -> requestId.equals(fields(event).get("requestId")))
				.toList(), (events) -> events.size() == 1)
			.get(0);
	}

	private static Map<String, Object> fields(ILoggingEvent event) {
		List<KeyValuePair> pairs = (event.getKeyValuePairs() != null) ? event.getKeyValuePairs() : List.of();
		return pairs.stream()
			.filter((pair) -> pair.value != null)
			.collect(Collectors.toMap((pair) -> pair.key, (pair) -> pair.value));
	}

}
