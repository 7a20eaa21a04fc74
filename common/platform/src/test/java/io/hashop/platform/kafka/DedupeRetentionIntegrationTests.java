package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.UUID;

import io.hashop.devinfra.PostgresServer;
import io.hashop.devinfra.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DedupeRetentionIntegrationTests {

	static JdbcClient jdbc;

	@BeforeAll
	static void createTable() {
		PostgresServer postgres = TestInfrastructure.postgres();
		String database = "dedupe_t" + UUID.randomUUID().toString().substring(0, 8);
		postgres.createDatabaseIfMissing(database);
		jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(database),
				postgres.username(), postgres.password()));
		jdbc.sql("CREATE TABLE processed_events (event_id uuid PRIMARY KEY, processed_at timestamptz NOT NULL)")
			.update();
		jdbc.sql("CREATE INDEX processed_events_processed_at ON processed_events (processed_at)").update();
	}

	@BeforeEach
	void seed() {
		jdbc.sql("DELETE FROM processed_events").update();
		insert(2_500, "16 days");
		insert(10, "14 days");
		insert(10, "1 minute");
	}

	@Test
	void deletesRecordsOlderThanTheRetentionInBatchesAndKeepsRecentOnes() {
		BatchedDelete.Purged purged = retention(1_000, 100).purgeInBatches();

		assertThat(purged).isEqualTo(new BatchedDelete.Purged(2_500, 3));
		assertThat(count("processed_at < now() - interval '15 days'")).isZero();
		assertThat(count("true")).isEqualTo(20);
		assertThat(retention(1_000, 100).purgeInBatches()).isEqualTo(new BatchedDelete.Purged(0, 0));
	}

	@Test
	void boundsOnePurgeAndLeavesTheRestForTheNext() {
		DedupeRetention retention = retention(1_000, 2);

		assertThat(retention.purgeInBatches()).isEqualTo(new BatchedDelete.Purged(2_000, 2));
		assertThat(count("true")).isEqualTo(520);
		assertThat(retention.purgeInBatches()).isEqualTo(new BatchedDelete.Purged(500, 1));
		assertThat(count("true")).isEqualTo(20);
	}

	@Test
	void refusesATableNameThatIsNotAPlainIdentifier() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DedupeRetention(jdbc, new KafkaPlatformProperties.Dedupe("x; DROP TABLE y",
					"processed_at", Duration.ofDays(15), 10, 1, Duration.ofMinutes(10))));
	}

	private static DedupeRetention retention(int batchSize, int maxBatches) {
		return new DedupeRetention(jdbc, new KafkaPlatformProperties.Dedupe("processed_events", "processed_at",
				Duration.ofDays(15), batchSize, maxBatches, Duration.ofMinutes(10)));
	}

	private static void insert(int count, String age) {
		jdbc.sql("""
				INSERT INTO processed_events (event_id, processed_at)
				SELECT gen_random_uuid(), now() - CAST(:age AS interval) - g * interval '1 millisecond'
				FROM generate_series(1, :count) g
				""").param("age", age).param("count", count).update();
	}

	private static long count(String condition) {
		return jdbc.sql("SELECT count(*) FROM processed_events WHERE " + condition).query(Long.class).single();
	}

}
