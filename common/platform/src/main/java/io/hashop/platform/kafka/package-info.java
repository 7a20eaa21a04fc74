/**
 * Kafka for every service: protobuf events with explicit headers, idempotent producers
 * whose settings are checked at start-up, consumers that retry with back-off and then
 * dead-letter, and a transactional outbox with a relay that is safe on several instances.
 */
package io.hashop.platform.kafka;
