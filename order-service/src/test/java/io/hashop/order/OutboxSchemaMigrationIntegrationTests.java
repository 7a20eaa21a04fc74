package io.hashop.order;

import io.hashop.platform.kafka.OutboxSchemaUpgradeContract;

/**
 * order-service's V3 and V5 made the outbox before the platform owned it (ADR 11): a
 * database they migrated carries on with the platform's migrations.
 */
class OutboxSchemaMigrationIntegrationTests extends OutboxSchemaUpgradeContract {

	@Override
	protected String service() {
		return "order";
	}

	@Override
	protected String topic() {
		return "orders.v1";
	}

	@Override
	protected String processedEventRow() {
		return "INSERT INTO processed_events VALUES (gen_random_uuid(), gen_random_uuid(), 't', now())";
	}

	@Override
	protected String[] ownOutboxIndexes() {
		return new String[] { "outbox_message_key" };
	}

}
