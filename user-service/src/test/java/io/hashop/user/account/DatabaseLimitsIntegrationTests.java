package io.hashop.user.account;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hashop.contracts.user.v1.UserServiceGrpc;
import io.hashop.contracts.user.v1.VerifyCredentialsRequest;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The database waits of user-service are bounded by its own configuration
 * ({@code spring.datasource} in application.yml), here with short values: a statement, a
 * lock wait and a borrow from an exhausted pool all end within their limit, and a gRPC
 * call that cannot get the database is {@code UNAVAILABLE}, not {@code INTERNAL}.
 */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123", "DATABASE_POOL_SIZE=3",
		"DATABASE_STATEMENT_TIMEOUT=400ms", "DATABASE_LOCK_TIMEOUT=300ms", "DATABASE_CONNECTION_TIMEOUT_MS=300" })
@WithTestDatabase
@WithTestKafka(partitions = 1)
class DatabaseLimitsIntegrationTests {

	/** Far below the 30 s a statement asks for, and Hikari's default 30 s borrow. */
	static final Duration BOUND = Duration.ofSeconds(3);

	@LocalGrpcPort
	int grpcPort;

	@Autowired
	InternalTokenIssuer issuer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	ManagedChannel channel;

	@BeforeEach
	void openChannel() {
		this.channel = ManagedChannelBuilder.forAddress("localhost", this.grpcPort).usePlaintext().build();
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void configuresEverySessionWithItsServerSideTimeouts() throws Exception {
		assertThat(this.dataSource.unwrap(HikariDataSource.class).getDataSourceProperties())
			.containsEntry("socketTimeout", "30");
		assertThat(setting("statement_timeout")).isEqualTo("400ms");
		assertThat(setting("lock_timeout")).isEqualTo("300ms");
		assertThat(setting("idle_in_transaction_session_timeout")).isEqualTo("1min");
	}

	@Test
	void cancelsAStatementThatRunsLongerThanTheStatementTimeout() {
		assertTimeoutPreemptively(BOUND, () -> assertThatExceptionOfType(QueryTimeoutException.class)
			.isThrownBy(() -> this.jdbc.sql("SELECT pg_sleep(30)").query().singleValue()));
	}

	@Test
	void stopsWaitingForALockAfterTheLockTimeout() throws Exception {
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS lock_probe (id int PRIMARY KEY)").update();
		this.jdbc.sql("INSERT INTO lock_probe VALUES (1) ON CONFLICT DO NOTHING").update();
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			holder.createStatement().execute("SELECT * FROM lock_probe WHERE id = 1 FOR UPDATE");

			assertTimeoutPreemptively(BOUND, () -> assertThatExceptionOfType(CannotAcquireLockException.class)
				.isThrownBy(() -> this.jdbc.sql("UPDATE lock_probe SET id = 1 WHERE id = 1").update()));
			holder.rollback();
		}
	}

	@Test
	void failsABorrowFromAnExhaustedPoolWithinTheConnectionTimeoutAndAnswersUnavailable() throws Exception {
		List<Connection> held = new ArrayList<>();
		try {
			// Background work (health checks, the Kafka listener) borrows briefly too.
			for (int i = 0; i < 3; i++) {
				held.add(await().ignoreExceptions().until(this.dataSource::getConnection, Objects::nonNull));
			}

			assertTimeoutPreemptively(BOUND, () -> assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
				.isThrownBy(() -> this.jdbc.sql("SELECT 1").query().singleValue()));
			StatusRuntimeException error = assertTimeoutPreemptively(BOUND,
					() -> catchThrowableOfType(StatusRuntimeException.class,
							() -> UserServiceGrpc.newBlockingStub(this.channel)
								.withDeadlineAfter(10, TimeUnit.SECONDS)
								.withCallCredentials(InternalIdentityCallCredentials
									.of(this.issuer.issue(CallerIdentity.anonymous(), "user-service")))
								.verifyCredentials(VerifyCredentialsRequest.newBuilder()
									.setEmail("someone@example.com")
									.setPassword("correct-horse-1")
									.build())));
			assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

	private String setting(String name) {
		return this.jdbc.sql("SELECT current_setting('" + name + "')").query(String.class).single();
	}

}
