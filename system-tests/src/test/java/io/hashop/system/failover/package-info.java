/**
 * Infrastructure failovers under traffic, each on a small platform of its own: Redis
 * Sentinel promoting a replica.
 */
package io.hashop.system.failover;
