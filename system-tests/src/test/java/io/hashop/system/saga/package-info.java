/**
 * The order-to-payment saga end to end: real service processes, a real Kafka broker
 * process, real PostgreSQL, and the faults the saga must survive.
 */
package io.hashop.system.saga;
