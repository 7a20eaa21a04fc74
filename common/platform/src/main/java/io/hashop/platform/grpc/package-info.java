/**
 * gRPC support: internal identity on both ends of a call, and precise status codes for
 * errors (never {@code UNKNOWN}, never a stack trace).
 */
package io.hashop.platform.grpc;
