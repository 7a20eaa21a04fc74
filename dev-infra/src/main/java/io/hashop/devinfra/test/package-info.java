/**
 * Spring test support: each test context gets its own database on the shared real
 * PostgreSQL server of the test JVM, the shared real Redis server, and an embedded Kafka
 * broker with a consumer to read what was published.
 */
package io.hashop.devinfra.test;
