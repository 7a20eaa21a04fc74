package io.hashop.bench.saga;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Measurement;
import io.hashop.devinfra.PostgresServer;

/**
 * Places orders at a fixed rate, waits until each is {@code PAID} or
 * {@code PAYMENT_FAILED}, and takes each PAID order's saga time from order-service's own
 * timestamps: {@code updated_at - created_at}, set when it accepted the order and when it
 * applied the payment outcome (one clock, no polling in the figure).
 */
record SagaArm(OrderPacer pacer, int perSecond, PostgresServer postgres) implements Arm {

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

	@Override
	public String name() {
		return "saga";
	}

	@Override
	public String description() {
		return this.perSecond + " orders/s through the BFF; order accepted → PAID, from order-service's timestamps";
	}

	@Override
	public Measurement run(Duration duration) throws Exception {
		OrderPacer.Placed placed = this.pacer.place(this.perSecond, duration);
		List<Double> millis = awaitPaid(placed.ids());
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put(Measurement.THROUGHPUT, placed.ids().size() / (double) duration.toSeconds());
		figures.put(Measurement.P50, Percentiles.of(millis, 0.50));
		figures.put(Measurement.P99, Percentiles.of(millis, 0.99));
		return new Measurement(figures, placed.failures() + (placed.ids().size() - millis.size()));
	}

	private List<Double> awaitPaid(List<String> ids) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
		try (Connection connection = DriverManager.getConnection(this.postgres.jdbcUrl("orders"),
				this.postgres.username(), this.postgres.password())) {
			Array array = connection.createArrayOf("uuid", ids.toArray());
			while (pending(connection, array) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			List<Double> millis = new ArrayList<>();
			try (PreparedStatement paid = connection.prepareStatement(
					"SELECT extract(epoch FROM (updated_at - created_at)) * 1000 FROM orders WHERE id = ANY(?) AND status = 'PAID'")) {
				paid.setArray(1, array);
				try (ResultSet rows = paid.executeQuery()) {
					while (rows.next()) {
						millis.add(rows.getDouble(1));
					}
				}
			}
			Collections.sort(millis);
			return millis;
		}
	}

	private static long pending(Connection connection, Array ids) throws SQLException {
		try (PreparedStatement pending = connection
			.prepareStatement("SELECT count(*) FROM orders WHERE id = ANY(?) AND status = 'PENDING_PAYMENT'")) {
			pending.setArray(1, ids);
			try (ResultSet rows = pending.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
