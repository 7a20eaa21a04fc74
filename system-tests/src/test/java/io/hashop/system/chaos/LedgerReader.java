package io.hashop.system.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.hashop.devinfra.PostgresServer;
import io.hashop.system.chaos.Ledger.ChargeTally;
import io.hashop.system.chaos.Ledger.StoredOrder;

/** Reads the {@link Ledger} from the order and payment databases. */
final class LedgerReader {

	static final String ORDERS = "SELECT id::text, status, total_cents FROM orders";

	static final String CHARGES = """
			SELECT idempotency_key, count(*),
			       count(*) FILTER (WHERE authorized),
			       coalesce(sum(amount_cents) FILTER (WHERE authorized), 0)
			FROM provider_charges GROUP BY idempotency_key""";

	private final PostgresServer postgres;

	LedgerReader(PostgresServer postgres) {
		this.postgres = postgres;
	}

	Ledger read() {
		return new Ledger(orders(), charges());
	}

	Map<String, StoredOrder> orders() {
		Map<String, StoredOrder> orders = new HashMap<>();
		query("orders", ORDERS,
				(row) -> orders.put(row.getString(1), new StoredOrder(row.getString(2), row.getLong(3))));
		return orders;
	}

	Map<String, ChargeTally> charges() {
		Map<String, ChargeTally> charges = new HashMap<>();
		query("payments", CHARGES, (row) -> charges.put(row.getString(1),
				new ChargeTally(row.getLong(2), row.getLong(3), row.getLong(4))));
		return charges;
	}

	private void query(String database, String sql, RowHandler handler) {
		Properties settings = new Properties();
		settings.setProperty("user", this.postgres.username());
		settings.setProperty("password", this.postgres.password());
		// Every wait is bounded, the checker's too.
		settings.setProperty("connectTimeout", "5");
		settings.setProperty("socketTimeout", "60");
		try (Connection connection = DriverManager.getConnection(this.postgres.jdbcUrl(database), settings);
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				handler.handle(rows);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query on " + database + " failed: " + sql, ex);
		}
	}

	@FunctionalInterface
	private interface RowHandler {

		void handle(ResultSet row) throws SQLException;

	}

}
