/**
 * Rate limits in fixed windows counted in Redis, shared by every gateway instance, with a
 * local per-instance fallback whenever Redis errs or is slow, so the login limit holds
 * with Redis down.
 */
package io.hashop.gateway.ratelimit;
