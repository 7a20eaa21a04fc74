/**
 * Routing: {@code /api/**} to the BFF instances through Spring Cloud LoadBalancer, with
 * health-checked and passively ejected instances, a configurable balancing policy,
 * retries only for idempotent reads that never reached an instance, and only the API's
 * methods, well-formed URIs and canonical paths.
 */
package io.hashop.gateway.routing;
