package io.hashop.system.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.devinfra.PostgresServer;

/** Read-only queries against one service's database, to check what really happened. */
public final class Database {

	private final PostgresServer server;

	private final String name;

	Database(PostgresServer server, String name) {
		this.server = server;
		this.name = name;
	}

	/** The first column of the first row, as a long (counts and sums). */
	public long number(String sql, Object... params) {
		List<Map<String, Object>> rows = rows(sql, params);
		Object value = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	public List<Map<String, Object>> rows(String sql, Object... params) {
		try (Connection connection = DriverManager.getConnection(this.server.jdbcUrl(this.name), this.server.username(),
				this.server.password()); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				List<Map<String, Object>> rows = new ArrayList<>();
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int column = 1; column <= columns; column++) {
						row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
					}
					rows.add(row);
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query on " + this.name + " failed: " + sql, ex);
		}
	}

}
