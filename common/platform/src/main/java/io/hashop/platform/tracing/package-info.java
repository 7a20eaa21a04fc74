/**
 * Tracing: Micrometer Tracing with the OpenTelemetry bridge (Spring Boot's
 * auto-configuration) carries the W3C trace context over HTTP, gRPC and Kafka; this
 * package carries it over what Spring does not see, the outbox between a transaction and
 * its relay.
 */
package io.hashop.platform.tracing;
