package io.hashop.devinfra.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * What PostgreSQL says a table is: its columns in order (type, nullability, default,
 * identity), its constraints and its indexes, each as one line. Two databases whose
 * tables have equal shapes got the same DDL, whichever scripts ran it.
 *
 * @param columns one line per column, in order
 * @param constraints one line per constraint, by name
 * @param indexes one line per index, by name
 */
public record TableShape(List<String> columns, List<String> constraints, List<String> indexes) {

	private static final String COLUMNS = """
			SELECT concat_ws(' ', column_name, data_type, character_maximum_length, is_nullable,
			       column_default, is_identity, identity_generation)
			FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""";

	private static final String CONSTRAINTS = """
			SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = to_regclass(?) ORDER BY conname""";

	private static final String INDEXES = """
			SELECT indexdef FROM pg_indexes
			WHERE schemaname = current_schema() AND tablename = ? ORDER BY indexname""";

	/** The shape of {@code table} in the current schema of the database. */
	public static TableShape of(DataSource dataSource, String table) {
		try (Connection connection = dataSource.getConnection()) {
			return new TableShape(lines(connection, COLUMNS, table), lines(connection, CONSTRAINTS, table),
					lines(connection, INDEXES, table));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** This shape without the indexes named, say those a service adds for itself. */
	public TableShape withoutIndexes(String... names) {
		List<String> kept = this.indexes.stream()
			.filter((index) -> List.of(names).stream().noneMatch((name) -> index.contains(" INDEX " + name + " ")))
			.toList();
		return new TableShape(this.columns, this.constraints, kept);
	}

	private static List<String> lines(Connection connection, String sql, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, table);
			List<String> lines = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					lines.add(rows.getString(1));
				}
			}
			return lines;
		}
	}

}
