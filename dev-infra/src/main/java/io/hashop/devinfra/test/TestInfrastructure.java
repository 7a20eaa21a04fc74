package io.hashop.devinfra.test;

import io.hashop.devinfra.PostgresServer;
import io.hashop.devinfra.RedisServer;

/**
 * The servers shared by all tests of one JVM, started on first use and stopped when the
 * JVM exits. External servers are used instead when the environment names them.
 */
public final class TestInfrastructure {

	private static PostgresServer postgres;

	private static RedisServer redis;

	private TestInfrastructure() {
	}

	public static synchronized PostgresServer postgres() {
		if (postgres == null) {
			postgres = PostgresServer.fromEnvironmentOrEmbedded(System.getenv(), 0);
			Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
		}
		return postgres;
	}

	public static synchronized RedisServer redis() {
		if (redis == null) {
			redis = RedisServer.fromEnvironmentOrEmbedded(System.getenv(), 0);
			Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "test-redis-stop"));
		}
		return redis;
	}

}
