package io.hashop.devinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresServerIntegrationTests {

	@Test
	void keepsItsDataAndPortAcrossARestart() throws SQLException {
		try (PostgresServer server = PostgresServer.fromEnvironmentOrEmbedded(Map.of(), 0)) {
			server.createDatabaseIfMissing("restarts");
			Connection before = connect(server);
			try (Statement statement = before.createStatement()) {
				statement.execute("CREATE TABLE kept (id int)");
				statement.execute("INSERT INTO kept VALUES (42)");
			}

			server.restart();

			assertThatExceptionOfType(SQLException.class).as("connections of the old server are cut")
				.isThrownBy(() -> before.createStatement().executeQuery("SELECT 1"));
			try (Connection after = connect(server);
					Statement statement = after.createStatement();
					ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(42);
			}
		}
	}

	private static Connection connect(PostgresServer server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl("restarts"), server.username(), server.password());
	}

}
