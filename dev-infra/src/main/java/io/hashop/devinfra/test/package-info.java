/**
 * Spring test support: each test context gets its own database on the shared real
 * PostgreSQL server of the test JVM, and the shared real Redis server.
 */
package io.hashop.devinfra.test;
