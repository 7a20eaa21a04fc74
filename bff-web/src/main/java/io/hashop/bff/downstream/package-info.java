/**
 * Guarded calls to the business services: one budget table, a circuit breaker, a bulkhead
 * and (for idempotent reads only) jittered retries per downstream, and the mapping of
 * their failures to problem+json.
 */
package io.hashop.bff.downstream;
