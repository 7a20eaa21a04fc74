package io.hashop.gateway.accesslog;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Puts Spring Boot's console appender behind a Logback {@link AsyncAppender}, once Boot
 * has configured logging: the gateway logs a line per request (the access log) on its
 * event loops, and a synchronous console appender makes a loop wait for every write to
 * stdout (a pipe or a file that can stall for milliseconds), holding every connection the
 * loop serves. The event is prepared on the calling thread (message, MDC with the trace
 * ids, key-value pairs), so only encoding and writing move to the appender's thread.
 * Nothing is dropped: the queue holds 8,192 lines and a caller waits only when it is
 * full; stopping the logging context at shutdown writes what is queued.
 */
public class AsyncConsoleLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/**
	 * The name of the console appender in Spring Boot's default Logback configuration.
	 */
	static final String CONSOLE = "CONSOLE";

	static final String ASYNC_CONSOLE = "ASYNC_CONSOLE";

	private static final int QUEUE_SIZE = 8192;

	private static final int FLUSH_AT_SHUTDOWN_MILLIS = 5000;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext context) {
			wrapConsole(context);
		}
	}

	/** Idempotent: a second application in the same JVM finds the console wrapped. */
	static void wrapConsole(LoggerContext context) {
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
		if (console == null) {
			return;
		}
		AsyncAppender async = new AsyncAppender();
		async.setContext(context);
		async.setName(ASYNC_CONSOLE);
		async.setQueueSize(QUEUE_SIZE);
		// Never discard INFO and below when the queue fills up: the access log is
		// promised.
		async.setDiscardingThreshold(0);
		async.setIncludeCallerData(false);
		async.setMaxFlushTime(FLUSH_AT_SHUTDOWN_MILLIS);
		async.addAppender(console);
		async.start();
		root.addAppender(async);
		root.detachAppender(console);
	}

	/** Right after Spring Boot's logging listener has configured Logback. */
	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
