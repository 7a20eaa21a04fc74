package io.hashop.launcher.infrastructure;

import java.util.Map;

/**
 * One piece of infrastructure the services need (PostgreSQL, Redis, a Kafka broker, an
 * SMTP server): started or found before them, closed after them.
 */
interface InfrastructureStep extends AutoCloseable {

	/**
	 * Starts the server, or connects to the external one the environment names.
	 * @return the variables through which the services reach it
	 */
	Map<String, String> start();

	/** Where it runs, for the console. */
	String description();

	/** Stops what {@link #start()} started; never throws. */
	@Override
	void close();

}
