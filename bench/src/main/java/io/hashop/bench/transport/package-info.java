/**
 * S4: gRPC and OpenFeign side by side in one JVM, server and client each, with the same
 * payload, measured in calls per CPU-second of the whole process.
 */
package io.hashop.bench.transport;
