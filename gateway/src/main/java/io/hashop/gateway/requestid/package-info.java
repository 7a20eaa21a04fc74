/**
 * Correlation: every request carries an {@code X-Request-Id}, the client's when it is
 * well-formed, else a new UUID, to the BFF, back to the client and into the logs.
 */
package io.hashop.gateway.requestid;
