/**
 * Canary releases at the edge: a share of new sessions goes to a second BFF pool, each
 * session stays on its pool, testers can force one, every pool is measured, and a canary
 * that fails too often is rolled back by the gateway itself.
 */
package io.hashop.gateway.canary;
