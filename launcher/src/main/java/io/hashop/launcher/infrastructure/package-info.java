/**
 * The local infrastructure, started in order and closed in reverse: PostgreSQL, Redis, a
 * Kafka broker process and an SMTP server, each unless an external one is configured.
 */
package io.hashop.launcher.infrastructure;
