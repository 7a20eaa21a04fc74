package io.hashop.gateway.accesslog;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncConsoleLoggingTests {

	private final LoggerContext context = new LoggerContext();

	private final Logger root = this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> console = new ListAppender<>();

	@BeforeEach
	void consoleAsSpringBootNamesIt() {
		// What the SLF4J binding gives the real context: the MDC the caller's thread
		// writes.
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.console.setName(AsyncConsoleLogging.CONSOLE);
		this.console.setContext(this.context);
		this.console.start();
		this.root.addAppender(this.console);
	}

	@Test
	void putsTheConsoleBehindAnAsyncAppenderOnce() {
		AsyncConsoleLogging.wrapConsole(this.context);
		AsyncConsoleLogging.wrapConsole(this.context);
		assertThat(this.root.getAppender(AsyncConsoleLogging.CONSOLE)).isNull();
		assertThat(this.root.getAppender(AsyncConsoleLogging.ASYNC_CONSOLE)).isInstanceOfSatisfying(AsyncAppender.class,
				(async) -> assertThat(async.getAppender(AsyncConsoleLogging.CONSOLE)).isSameAs(this.console));
		assertThat(this.root.iteratorForAppenders()).toIterable().hasSize(1);
	}

	@Test
	void keepsTheCallersMdcAndThreadAndWritesEveryLineByShutdown() {
		AsyncConsoleLogging.wrapConsole(this.context);
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		try {
			this.root.info("GET /api/products 200 {} ms", 3);
		}
		finally {
			MDC.clear();
		}
		int more = 20_000;
		for (int i = 0; i < more; i++) {
			this.root.info("line {}", i);
		}
		this.context.stop();
		assertThat(this.console.list).hasSize(more + 1);
		ILoggingEvent first = this.console.list.get(0);
		assertThat(first.getFormattedMessage()).isEqualTo("GET /api/products 200 3 ms");
		assertThat(first.getMDCPropertyMap()).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(first.getThreadName()).isEqualTo(Thread.currentThread().getName());
		assertThat(this.console.list.get(more).getFormattedMessage()).isEqualTo("line " + (more - 1));
	}

	@Test
	void leavesALoggingConfigurationWithoutBootsConsoleAlone() {
		this.root.detachAppender(this.console);
		AsyncConsoleLogging.wrapConsole(this.context);
		assertThat(this.root.iteratorForAppenders()).toIterable().isEmpty();
	}

}
