package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the rows of a table older than a retention in batches of bounded size, each
 * batch its own short statement (and so its own transaction), oldest first through an
 * index on the time column. Rows another deleter has locked are skipped, so several
 * instances can purge one table at once.
 */
final class BatchedDelete {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final JdbcClient jdbc;

	private final String sql;

	private final String description;

	/**
	 * @param table the table to purge
	 * @param timeColumn its timestamp column, indexed; rows where it is {@code NULL} are
	 * kept
	 */
	BatchedDelete(JdbcClient jdbc, String table, String timeColumn) {
		if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(timeColumn).matches()) {
			throw new IllegalArgumentException("Not a plain SQL identifier: " + table + "." + timeColumn);
		}
		this.jdbc = jdbc;
		this.description = table + "." + timeColumn;
		this.sql = """
				DELETE FROM %1$s WHERE ctid = ANY (ARRAY(
				    SELECT ctid FROM %1$s WHERE %2$s < now() - make_interval(secs => :seconds)
				    ORDER BY %2$s LIMIT :batchSize FOR UPDATE SKIP LOCKED))
				""".formatted(table, timeColumn);
	}

	/** What one purge deleted. */
	record Purged(long rows, int batches) {

	}

	/**
	 * Deletes rows older than {@code retention}, batch after batch until a batch is not
	 * full or {@code maxBatches} ran.
	 */
	Purged olderThan(Duration retention, int batchSize, int maxBatches) {
		long rows = 0;
		int batches = 0;
		while (batches < maxBatches) {
			int deleted = this.jdbc.sql(this.sql)
				.param("seconds", retention.toSeconds())
				.param("batchSize", batchSize)
				.update();
			if (deleted == 0) {
				break;
			}
			rows += deleted;
			batches++;
			if (deleted < batchSize) {
				break;
			}
		}
		return new Purged(rows, batches);
	}

	@Override
	public String toString() {
		return this.description;
	}

}
