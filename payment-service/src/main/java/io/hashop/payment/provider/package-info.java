/**
 * The simulated payment provider, with knobs to inject declines, latency and failures.
 */
package io.hashop.payment.provider;
