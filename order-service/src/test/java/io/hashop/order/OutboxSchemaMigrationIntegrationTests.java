package io.hashop.order;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.hashop.devinfra.PostgresServer;
import io.hashop.devinfra.test.TableShape;
import io.hashop.devinfra.test.TestInfrastructure;
import io.hashop.platform.kafka.OutboxSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform owns the outbox's schema now (ADR 11) and this service's scripts that made
 * it before (V3, V5) stay byte for byte, as Flyway validates them: a database migrated
 * before keeps its rows and validates when started with the platform's migrations after
 * the service's, and the platform's script describes exactly the table those made.
 */
class OutboxSchemaMigrationIntegrationTests {

	@Test
	void keepsTheRowsOfADatabaseMigratedBeforeThePlatformOwnedTheOutboxAndValidates() {
		DataSource database = newDatabase();
		// Before: the service's own migrations, as every existing order database ran
		// them.
		service(database).load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("""
				INSERT INTO outbox (event_id, topic, message_key, event_type, payload, occurred_at, sent_at,
				    attempts, last_error, parked_at)
				VALUES (gen_random_uuid(), 'orders.v1', 'o-1', 't', '\\x01', now(), now(), 0, NULL, NULL),
				       (gen_random_uuid(), 'orders.v1', 'o-2', 't', '\\x02', now(), NULL, 10, 'boom', now()),
				       (gen_random_uuid(), 'orders.v1', 'o-3', 't', '\\x03', now(), NULL, 0, NULL, NULL)
				""").update();
		jdbc.sql("INSERT INTO processed_events VALUES (gen_random_uuid(), gen_random_uuid(), 't', now())").update();
		List<String> before = rows(jdbc);

		// After: the same database started with the platform's migrations after the
		// service's.
		int serviceMigrations = newLayout(database).load().migrate().migrationsExecuted;

		assertThat(serviceMigrations).isZero();
		assertThat(rows(jdbc)).isEqualTo(before);
		assertThat(newLayout(database).load().validateWithResult().validationSuccessful).isTrue();
		assertThat(OutboxSchema.flyway(database).validateWithResult().validationSuccessful).isTrue();
		assertThat(OutboxSchema.flyway(database).info().current()).satisfies((platform) -> {
			assertThat(platform.getVersion().getVersion()).isEqualTo("1");
			assertThat(platform.getState()).isEqualTo(MigrationState.SUCCESS);
		});
		assertThat(TableShape.of(database, "outbox").withoutIndexes("outbox_message_key")).isEqualTo(platformOnly());
		// And a second start finds nothing to do.
		assertThat(newLayout(database).load().migrate().migrationsExecuted).isZero();
		assertThat(rows(jdbc)).isEqualTo(before);
	}

	@Test
	void givesANewDatabaseTheOutboxThePlatformDescribes() {
		DataSource database = newDatabase();

		newLayout(database).load().migrate();

		assertThat(newLayout(database).load().validateWithResult().validationSuccessful).isTrue();
		assertThat(OutboxSchema.flyway(database).info().current().getVersion().getVersion()).isEqualTo("1");
		assertThat(TableShape.of(database, "outbox").withoutIndexes("outbox_message_key")).isEqualTo(platformOnly());
	}

	private static FluentConfiguration service(DataSource database) {
		return Flyway.configure().dataSource(database).locations("classpath:db/migration");
	}

	/** As Spring Boot's Flyway runs now: the platform's callback registered. */
	private static FluentConfiguration newLayout(DataSource database) {
		return service(database).callbacks(OutboxSchema.afterServiceMigrations());
	}

	private static TableShape platformOnly() {
		DataSource database = newDatabase();
		OutboxSchema.migrate(database);
		return TableShape.of(database, "outbox");
	}

	private static List<String> rows(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT 'outbox ' || o::text FROM outbox o
				UNION ALL SELECT 'processed_events ' || p::text FROM processed_events p ORDER BY 1
				""").query(String.class).list();
	}

	private static DataSource newDatabase() {
		PostgresServer postgres = TestInfrastructure.postgres();
		String name = "order_migration_t" + UUID.randomUUID().toString().substring(0, 8);
		postgres.createDatabaseIfMissing(name);
		return new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(name), postgres.username(),
				postgres.password());
	}

}
