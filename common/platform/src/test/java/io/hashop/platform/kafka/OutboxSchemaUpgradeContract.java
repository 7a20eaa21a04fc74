package io.hashop.platform.kafka;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.hashop.devinfra.PostgresServer;
import io.hashop.devinfra.test.TableShape;
import io.hashop.devinfra.test.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service whose own migrations made the outbox before the platform owned it
 * (ADR 11) must show, in a subclass of its tests: those scripts stay byte for byte, as
 * Flyway validates them; a database migrated before keeps its rows and validates when
 * started with the platform's migrations after the service's; and the platform's script
 * describes exactly the table those made.
 */
public abstract class OutboxSchemaUpgradeContract {

	/** The service's name, as a prefix of the test databases. */
	protected abstract String service();

	/** A topic the service's outbox sends to. */
	protected abstract String topic();

	/** An {@code INSERT} of one row into the service's {@code processed_events}. */
	protected abstract String processedEventRow();

	/** Indexes the service adds to the outbox of its own, beyond the platform's. */
	protected abstract String[] ownOutboxIndexes();

	@Test
	public void keepsTheRowsOfADatabaseMigratedBeforeThePlatformOwnedTheOutboxAndValidates() {
		DataSource database = newDatabase();
		// Before: the service's own migrations, as every existing database ran them.
		service(database).load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("""
				INSERT INTO outbox (event_id, topic, message_key, event_type, payload, occurred_at, sent_at,
				    attempts, last_error, parked_at)
				VALUES (gen_random_uuid(), :topic, 'o-1', 't', '\\x01', now(), now(), 0, NULL, NULL),
				       (gen_random_uuid(), :topic, 'o-2', 't', '\\x02', now(), NULL, 10, 'boom', now()),
				       (gen_random_uuid(), :topic, 'o-3', 't', '\\x03', now(), NULL, 0, NULL, NULL)
				""").param("topic", topic()).update();
		jdbc.sql(processedEventRow()).update();
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
		assertThat(TableShape.of(database, "outbox").withoutIndexes(ownOutboxIndexes())).isEqualTo(platformOnly());
		// And a second start finds nothing to do.
		assertThat(newLayout(database).load().migrate().migrationsExecuted).isZero();
		assertThat(rows(jdbc)).isEqualTo(before);
	}

	@Test
	public void givesANewDatabaseTheOutboxThePlatformDescribes() {
		DataSource database = newDatabase();

		newLayout(database).load().migrate();

		assertThat(newLayout(database).load().validateWithResult().validationSuccessful).isTrue();
		assertThat(OutboxSchema.flyway(database).info().current().getVersion().getVersion()).isEqualTo("1");
		assertThat(TableShape.of(database, "outbox").withoutIndexes(ownOutboxIndexes())).isEqualTo(platformOnly());
	}

	private static FluentConfiguration service(DataSource database) {
		return Flyway.configure().dataSource(database).locations("classpath:db/migration");
	}

	/** As Spring Boot's Flyway runs now: the platform's callback registered. */
	private static FluentConfiguration newLayout(DataSource database) {
		return service(database).callbacks(OutboxSchema.afterServiceMigrations());
	}

	private TableShape platformOnly() {
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

	private DataSource newDatabase() {
		PostgresServer postgres = TestInfrastructure.postgres();
		String name = service() + "_migration_t" + UUID.randomUUID().toString().substring(0, 8);
		postgres.createDatabaseIfMissing(name);
		return new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(name), postgres.username(),
				postgres.password());
	}

}
