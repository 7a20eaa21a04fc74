package io.hashop.payment;

import io.hashop.platform.kafka.OutboxSchemaUpgradeContract;

/**
 * payment-service's V2 and V4 made the outbox before the platform owned it (ADR 11): a
 * database they migrated carries on with the platform's migrations.
 */
class OutboxSchemaMigrationIntegrationTests extends OutboxSchemaUpgradeContract {

	@Override
	protected String service() {
		return "payment";
	}

	@Override
	protected String topic() {
		return "payments.v1";
	}

	@Override
	protected String processedEventRow() {
		return "INSERT INTO processed_events VALUES (gen_random_uuid(), gen_random_uuid(), now())";
	}

	@Override
	protected String[] ownOutboxIndexes() {
		return new String[0];
	}

}
