/**
 * The region failover drill on one machine: two "regions" on shifted ports, a PostgreSQL
 * streaming replica between them, a client that follows {@code /readyz}; RTO and RPO
 * measured.
 */
package io.hashop.system.drill;
