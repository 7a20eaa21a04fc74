package io.hashop.platform.kafka;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The {@code outbox} table, owned by the platform with the relay that reads it: Flyway
 * migrations at {@value #LOCATION}, recorded in a history table of their own,
 * {@value #HISTORY_TABLE}, so that their versions never collide with a service's.
 * Services that enable {@code platform.kafka.outbox} get them applied right after their
 * own migrations (a Flyway {@code afterMigrate} callback); a service's migrations leave
 * the outbox alone. Order- and payment-service created it in their own scripts before,
 * which stay as Flyway validates them; the platform's first version is idempotent and
 * finds their table as it describes it (ADR 11).
 */
public final class OutboxSchema {

	/** Where the platform's outbox migrations live. */
	public static final String LOCATION = "classpath:db/hashop-platform";

	/** The Flyway history table of the platform's migrations. */
	public static final String HISTORY_TABLE = "hashop_platform_schema_history";

	private OutboxSchema() {
	}

	/**
	 * Brings the outbox of a database to the platform's latest version.
	 * @param dataSource the service's database
	 * @return what Flyway did
	 */
	public static MigrateResult migrate(DataSource dataSource) {
		return flyway(dataSource).migrate();
	}

	/** The platform's Flyway over a service's database, for migrate, info or validate. */
	public static Flyway flyway(DataSource dataSource) {
		// The service's tables are there before the platform's history: Flyway starts
		// that
		// history with a marker at version 0, below every platform migration.
		return Flyway.configure(OutboxSchema.class.getClassLoader())
			.dataSource(dataSource)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.baselineDescription("service schema before platform migrations")
			.load();
	}

	/**
	 * The Flyway callback that migrates the outbox after every migration of the service's
	 * own Flyway; the platform's auto-configuration registers it with Spring Boot's
	 * Flyway.
	 * @return the callback
	 */
	public static Callback afterServiceMigrations() {
		return new Callback() {

			@Override
			public boolean supports(Event event, Context context) {
				return event == Event.AFTER_MIGRATE;
			}

			@Override
			public boolean canHandleInTransaction(Event event, Context context) {
				return false;
			}

			@Override
			public void handle(Event event, Context context) {
				migrate(context.getConfiguration().getDataSource());
			}

			@Override
			public String getCallbackName() {
				return "hashopPlatformOutboxSchema";
			}

		};
	}

}
