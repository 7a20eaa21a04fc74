/**
 * The simulated payment provider, with its durable idempotency ledger and knobs to inject
 * declines, latency and failures.
 */
package io.hashop.payment.provider;
